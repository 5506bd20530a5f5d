import type { RandomSource } from '../../../emulator/clock/index.js';
import { getObject, listObjects, objectKey, type Node, type Pod } from '../../../emulator/kube/index.js';
import { podStages } from '../../../emulator/kubelet/index.js';
import { ClusterSnapshot, DEFAULT_SCHEDULER_NAME, PodInfo, schedule } from '../../../emulator/scheduler/index.js';
import type { StoredEvent } from '../../../platform/kernel/index.js';
import type { KubeCluster, SchedulingOutcome } from '../kube/kube.types.js';
import { allPods, unboundPods } from '../kube/pod-groups.js';
import type { Touched } from './cluster-watch.js';

/** EXPLAIN_UP_TO: explanations are recorded for clusters of at most this many nodes (they grow with nodes × plugins). */
const EXPLAIN_UP_TO = 100;

/** CAPACITY_EVENTS change what nodes can take: the scheduler retries unschedulable pods after one of them, so their messages stay true. */
const CAPACITY_EVENTS = new Set(['NodeAdded', 'NodeRemoved', 'ObjectDeleted', 'ObjectsApplied', 'ObjectsReconciled', 'NodeHealthChanged', 'NodeRecovered', 'PodsEvicted']);

/** STAGES_LEAVING_ACCOUNTS are the kubelet stages that change nothing the scheduler's cache holds of a pod (node, requests, labels, being live). */
const STAGES_LEAVING_ACCOUNTS = new Set(podStages.filter((s) => !s.next.remove && s.next.phase !== 'Succeeded' && s.next.phase !== 'Failed').map((s) => s.name));

/** leavesSchedulingAlone: a kubelet pass that neither removes its pods nor ends them; the scheduler's watch skips it. */
export function leavesSchedulingAlone(event: StoredEvent): boolean {
  return event.type === 'PodsAdvanced' && STAGES_LEAVING_ACCOUNTS.has((event.data as { stage: string }).stage);
}

/** snapshotOf builds the scheduler's view of the cluster from scratch: its nodes and their bound, running pods. */
function snapshotOf(cluster: KubeCluster): ClusterSnapshot {
  const snapshot = ClusterSnapshot.of(listObjects<Node>(cluster, 'Node'));
  for (const pod of allPods(cluster).objects()) place(snapshot, pod);
  return snapshot;
}

const isTerminal = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** place accounts a bound, non-terminal pod on its node, if the node is known. */
function place(snapshot: ClusterSnapshot, pod: Pod): void {
  if (pod.spec.nodeName && !isTerminal(pod) && snapshot.get(pod.spec.nodeName)) snapshot.addPod(PodInfo.of(pod));
}

/** SchedulerCache keeps each cluster's snapshot between runs, applying only what events touched, as kube-scheduler's cache does. */
export class SchedulerCache {
  private readonly snapshots = new Map<string, ClusterSnapshot>();

  snapshot(cluster: KubeCluster, touched: Touched): ClusterSnapshot {
    let snapshot = this.snapshots.get(cluster.clusterId);
    if (!snapshot || touched.all) {
      snapshot = snapshotOf(cluster);
      this.snapshots.set(cluster.clusterId, snapshot);
      return snapshot;
    }
    for (const name of touched.nodes) {
      const node = getObject<Node>(cluster, 'Node', undefined, name);
      if (node) snapshot.addNode(node);
      else if (snapshot.get(name)) snapshot.removeNode(name);
    }
    for (const key of touched.pods) {
      const pod = cluster.objects.Pod?.[key] as Pod | undefined;
      const held = snapshot.podInfo(key);
      // A kubelet status update leaves what the scheduler accounts (node, requests, labels) as it was: keep the PodInfo.
      if (pod && !isTerminal(pod) && held?.pod === pod && held.nodeName === pod.spec.nodeName) continue;
      // The binding of a pod the scheduler assumed writes spec.nodeName into the very object it parsed: keep what it parsed.
      if (pod && !isTerminal(pod) && held && held.pod !== held.source && held.source === pod && held.nodeName === pod.spec.nodeName) {
        snapshot.replacePod(held.boundAs(pod));
        continue;
      }
      snapshot.removePod(key);
      if (pod) place(snapshot, pod);
    }
    return snapshot;
  }

  /** invalidate drops a snapshot a failed attempt may have left with pods assumed but never bound. */
  invalidate(clusterId: string): void {
    this.snapshots.delete(clusterId);
  }
}

/** SchedulingQueue picks the pods to schedule, retrying unschedulable ones only when the cluster has changed. */
export class SchedulingQueue {
  private readonly epochs = new Map<string, number>();
  private readonly tried = new Map<string, Map<string, number>>();

  /** observe notes events after which unschedulable pods deserve another try. */
  observe(clusterId: string, event: StoredEvent): void {
    const freed = event.type === 'PodsAdvanced' && (event.data as { stage: string }).stage === 'pod-stop';
    // A binding changes what is free too: a pending pod's message must stay true of the cluster.
    const bound = event.type === 'PodsScheduled' && (event.data as { outcomes: SchedulingOutcome[] }).outcomes.some((o) => o.nodeName);
    if (freed || bound || CAPACITY_EVENTS.has(event.type)) this.epochs.set(clusterId, (this.epochs.get(clusterId) ?? 0) + 1);
  }

  /** pending lists pods waiting for the default scheduler that have not failed since the cluster last changed. */
  pending(cluster: KubeCluster): Pod[] {
    const epoch = this.epochs.get(cluster.clusterId) ?? 0;
    const tried = this.tried.get(cluster.clusterId);
    return unboundPods(cluster).objects().filter((pod) => {
      if (pod.spec.nodeName || pod.metadata.deletionTimestamp) return false;
      if ((pod.spec.schedulerName ?? DEFAULT_SCHEDULER_NAME) !== DEFAULT_SCHEDULER_NAME) return false;
      return tried?.get(objectKey(pod.metadata.namespace, pod.metadata.name!)) !== epoch;
    });
  }

  /** run schedules the pods one by one, each placement assumed before the next, as kube-scheduler's queue does. */
  run(cluster: KubeCluster, snapshot: ClusterSnapshot, pods: readonly Pod[], random: RandomSource): { outcomes: SchedulingOutcome[]; nextStartIndex: number } {
    const explain = snapshot.size <= EXPLAIN_UP_TO;
    const epoch = this.epochs.get(cluster.clusterId) ?? 0;
    const tried = this.tried.get(cluster.clusterId) ?? this.tried.set(cluster.clusterId, new Map()).get(cluster.clusterId)!;
    let startIndex = cluster.schedulerStartIndex;
    const outcomes = pods.map((pod): SchedulingOutcome => {
      const result = schedule(pod, snapshot, { random, startIndex, explain });
      startIndex = result.nextStartIndex;
      const { namespace = 'default', name = '' } = pod.metadata;
      const explanation = result.explanation && { filtered: result.explanation.filtered, scores: result.explanation.scores, finalScores: result.explanation.finalScores };
      if (result.outcome === 'Scheduled') return { namespace, name, nodeName: result.nodeName, ...(explanation ? { explanation } : {}) };
      tried.set(objectKey(namespace, name), epoch);
      return { namespace, name, nodeName: null, message: result.message, ...(explanation ? { explanation } : {}) };
    });
    return { outcomes, nextStartIndex: startIndex };
  }
}
