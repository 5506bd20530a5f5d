import { getObject, objectKey, ownKeysAre, putObject, putStoredObject, removeObject, type Node, type Pod, type PodCondition } from '../../../emulator/kube/index.js';
import { nextStatus, podMeetsStage, podStages, sharedCondition, stageEvents } from '../../../emulator/kubelet/index.js';
import { recordEvent } from './kube-events.js';
import { podIpAllocator, type PodIpAllocator } from './pod-addresses.js';
import type { KubeCluster, KubeEvent, SchedulingOutcome } from './kube.types.js';

type Scheduled = Extract<KubeEvent, { type: 'PodsScheduled' }>['data'];
type Advanced = Extract<KubeEvent, { type: 'PodsAdvanced' }>['data'];

const SCHEDULER = { component: 'default-scheduler' };

/** NO_EXPLANATION is shared by every attempt that was not asked to explain itself (the bulk of them). */
const NO_EXPLANATION = Object.freeze({ filtered: Object.freeze([]), scores: Object.freeze([]), finalScores: Object.freeze([]) }) as unknown as NonNullable<SchedulingOutcome['explanation']>;

/** pendingPod is a pod the scheduler may still place: not bound, not being deleted. */
export function pendingPod(cluster: KubeCluster, namespace: string, name: string): Pod | undefined {
  return pendingPodAt(cluster, objectKey(namespace, name));
}

/** pendingPodAt is pendingPod for a caller holding the pod's key. */
function pendingPodAt(cluster: KubeCluster, key: string): Pod | undefined {
  const pod = cluster.objects.Pod?.[key] as Pod | undefined;
  return pod && !pod.spec.nodeName && !pod.metadata.deletionTimestamp ? pod : undefined;
}

const NEW_POD_STATUS_KEYS = ['phase', 'qosClass'] as const;

function setScheduledCondition(pod: Pod, condition: PodCondition): void {
  // A new pod's status ({phase, qosClass}) gets its first condition as a whole new object, so the field stays in it.
  if (pod.status && ownKeysAre(pod.status, NEW_POD_STATUS_KEYS)) {
    pod.status = { phase: pod.status.phase, qosClass: pod.status.qosClass, conditions: [condition] };
    return;
  }
  const status = (pod.status ??= { phase: 'Pending' });
  const others = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  const old = status.conditions?.find((c) => c.type === 'PodScheduled');
  const same = old && old.status === condition.status && old.reason === condition.reason;
  status.conditions = [...others, same ? { ...condition, lastTransitionTime: old.lastTransitionTime } : condition];
}

function applyOutcome(cluster: KubeCluster, outcome: SchedulingOutcome, at: string): void {
  const key = objectKey(outcome.namespace, outcome.name);
  const pod = pendingPodAt(cluster, key);
  if (!pod) return;
  const attempts = (cluster.scheduling[key]?.attempts ?? 0) + 1;
  const explanation = outcome.explanation ?? NO_EXPLANATION;
  // Whole literals (no spread): the record is kept per pod, and a literal's fields stay in the object.
  const { filtered, scores, finalScores } = explanation;
  cluster.scheduling[key] = outcome.message
    ? { attempts, nodeName: outcome.nodeName, message: outcome.message, filtered, scores, finalScores }
    : { attempts, nodeName: outcome.nodeName, filtered, scores, finalScores };
  if (outcome.nodeName) {
    pod.spec.nodeName = outcome.nodeName;
    setScheduledCondition(pod, sharedCondition('PodScheduled', 'True', at));
    cluster.podSince[key] = at;
    putStoredObject(cluster, pod, key);
    const message = `Successfully assigned ${outcome.namespace}/${outcome.name} to ${outcome.nodeName}`;
    recordEvent(cluster, pod, { type: 'Normal', reason: 'Scheduled', message }, SCHEDULER, at);
  } else {
    const message = outcome.message ?? '';
    setScheduledCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: at });
    putObject(cluster, pod);
    recordEvent(cluster, pod, { type: 'Warning', reason: 'FailedScheduling', message }, SCHEDULER, at);
  }
}

/** applyPodsScheduled records bindings and failures, with their events and explanations. */
export function applyPodsScheduled(cluster: KubeCluster, data: Scheduled): void {
  for (const outcome of data.outcomes) applyOutcome(cluster, outcome, data.at);
  cluster.schedulerStartIndex = data.nextStartIndex;
}

/** KubeletOf is what one pass needs of a pod's node: the Node, the kubelet as an event source, and the node's IP allocator once asked for. */
interface KubeletOf {
  readonly node: Node | undefined;
  readonly source: { readonly component: string; readonly host: string | undefined };
  allocate: PodIpAllocator | undefined;
}

/** applyPodsAdvanced moves pods through one kubelet stage, recording the kubelet's events. */
export function applyPodsAdvanced(cluster: KubeCluster, data: Advanced): void {
  const stage = podStages.find((s) => s.name === data.stage);
  if (!stage) return;
  // Per node of the pass: the Node, the kubelet as event source, and the IP allocator that must see the pass's earlier picks.
  const kubelets = new Map<string | undefined, KubeletOf>();
  for (const { namespace, name, pulledMs } of data.pods) {
    const key = objectKey(namespace, name);
    const pod = cluster.objects.Pod?.[key] as Pod | undefined;
    // The decider chose this stage for the pod, which meets its conditions again on replay (an older log may name a stage a newer one now precedes).
    if (!pod || !podMeetsStage(pod, stage)) continue;
    const nodeName = pod.spec.nodeName;
    let kubelet = kubelets.get(nodeName);
    if (!kubelet) {
      const node = getObject<Node>(cluster, 'Node', undefined, nodeName ?? '');
      kubelets.set(nodeName, (kubelet = { node, source: { component: 'kubelet', host: nodeName }, allocate: undefined }));
    }
    const { node, source } = kubelet;
    for (const note of stageEvents(pod, stage.next.events ?? [], pulledMs)) recordEvent(cluster, pod, note, source, data.at);
    if (stage.next.remove) {
      removeObject(cluster, 'Pod', namespace, name);
      delete cluster.podSince[key];
      delete cluster.scheduling[key];
      continue;
    }
    const allocate = stage.next.assignAddresses && node?.metadata.name ? (kubelet.allocate ??= podIpAllocator(cluster, node)) : undefined;
    const podIp = allocate?.();
    pod.status = nextStatus(pod, stage, { at: data.at, hostIp: node?.status.addresses?.[0]?.address, podIp, pulledMs });
    cluster.podSince[key] = data.at;
    putStoredObject(cluster, pod, key);
  }
}
