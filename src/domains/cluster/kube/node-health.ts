import { getObject, listObjects, putObject, TAINT_UNREACHABLE, type Node, type NodeCondition, type Pod, type Taint, type Toleration } from '../../../emulator/kube/index.js';
import { recordEvent } from './kube-events.js';
import { keyedGroup, type GroupingKey } from '../../../emulator/kube/store-index.js';
import type { KubeCluster } from './kube.types.js';
import { podsOnNode } from './pod-groups.js';

/** NODE_MONITOR_GRACE_MS: the node lifecycle controller waits this long without a heartbeat before NotReady. */
export const NODE_MONITOR_GRACE_MS = 40_000;
/** DEFAULT_TOLERATION_SECONDS is what DefaultTolerationSeconds admission gives every pod for not-ready/unreachable. */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NODE_CONTROLLER = { component: 'node-controller' };

/** NodeHealthPlan is what the node lifecycle controller should do now, and when it next has something due. */
export interface NodeHealthPlan {
  readonly unreachable: string[];
  readonly reachable: string[];
  readonly evict: Array<{ namespace: string; name: string }>;
  readonly nextDueAt?: number;
}

const hasUnreachableTaint = (node: Node): boolean => (node.spec.taints ?? []).some((t) => t.key === TAINT_UNREACHABLE);

/** BY_UNREACHABLE files nodes by whether they carry the unreachable taint, so a healthy cluster costs nothing to check. */
const BY_UNREACHABLE: GroupingKey<Node> = { keyOf: (node) => (hasUnreachableTaint(node) ? 'tainted' : undefined) };

/** nodesToCheck are the nodes the lifecycle controller must look at: failed ones and ones still tainted unreachable. */
function nodesToCheck(cluster: KubeCluster): Node[] {
  const failed = Object.keys(cluster.nodeFailures);
  const tainted = keyedGroup<Node>(cluster, 'Node', BY_UNREACHABLE, 'tainted').objects();
  if (failed.length === 0) return [...tainted];
  const names = new Set([...failed, ...tainted.map((n) => n.metadata.name!)]);
  return listObjects<Node>(cluster, 'Node').filter((n) => names.has(n.metadata.name!));
}

/** tolerationSeconds is how long a pod tolerates a NoExecute taint (Infinity if forever, 0 if not at all). */
export function tolerationSeconds(pod: Pod, taint: Taint): number {
  const toleration = (pod.spec.tolerations ?? []).find(
    (t) => (t.effect === undefined || t.effect === taint.effect) && (t.operator === 'Exists' ? (t.key ?? taint.key) === taint.key : t.key === taint.key && (t.value ?? '') === (taint.value ?? '')),
  );
  if (!toleration) return 0;
  return toleration.tolerationSeconds ?? Infinity;
}

/** planNodeHealth compares heartbeats with the clock: silent nodes go NotReady after the grace, their pods are evicted after their toleration. */
export function planNodeHealth(cluster: KubeCluster, now: number): NodeHealthPlan {
  const plan = { unreachable: [] as string[], reachable: [] as string[], evict: [] as Array<{ namespace: string; name: string }>, nextDueAt: undefined as number | undefined };
  const due = (at: number) => (plan.nextDueAt = plan.nextDueAt === undefined ? at : Math.min(plan.nextDueAt, at));
  for (const node of nodesToCheck(cluster)) {
    const name = node.metadata.name!;
    const failedAt = cluster.nodeFailures[name];
    if (failedAt === undefined) {
      if (hasUnreachableTaint(node)) plan.reachable.push(name);
      continue;
    }
    const notReadyAt = Date.parse(failedAt) + NODE_MONITOR_GRACE_MS;
    if (!hasUnreachableTaint(node)) {
      if (notReadyAt <= now) plan.unreachable.push(name);
      else due(notReadyAt);
      continue;
    }
    const taint = node.spec.taints!.find((t) => t.key === TAINT_UNREACHABLE && t.effect === 'NoExecute')!;
    for (const pod of podsOnNode(cluster, name).objects()) {
      if (pod.metadata.deletionTimestamp) continue;
      const seconds = tolerationSeconds(pod, taint);
      if (seconds === Infinity) continue;
      const evictAt = Date.parse(taint.timeAdded ?? failedAt) + seconds * 1000;
      if (evictAt <= now) plan.evict.push({ namespace: pod.metadata.namespace!, name: pod.metadata.name! });
      else due(evictAt);
    }
  }
  return plan;
}

function setConditions(node: Node, at: string, healthy: boolean): void {
  node.status.conditions = (node.status.conditions ?? []).map((c): NodeCondition => {
    if (healthy) {
      const fine = c.type === 'Ready' ? { status: 'True' as const, reason: 'KubeletReady', message: 'kubelet is posting ready status' } : { status: 'False' as const };
      return { ...c, ...fine, lastHeartbeatTime: at, lastTransitionTime: at };
    }
    return { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: at };
  });
}

/** markUnreachable is what the node lifecycle controller writes when a node stops posting status. */
export function markUnreachable(cluster: KubeCluster, name: string, at: string): void {
  const node = getObject<Node>(cluster, 'Node', undefined, name);
  if (!node || hasUnreachableTaint(node)) return;
  setConditions(node, at, false);
  node.spec.taints = [...(node.spec.taints ?? []), { key: TAINT_UNREACHABLE, effect: 'NoSchedule', timeAdded: at }, { key: TAINT_UNREACHABLE, effect: 'NoExecute', timeAdded: at }];
  putObject(cluster, node);
  recordEvent(cluster, node, { type: 'Normal', reason: 'NodeNotReady', message: `Node ${name} status is now: NodeNotReady` }, NODE_CONTROLLER, at);
  for (const pod of [...podsOnNode(cluster, name).objects()]) {
    pod.status = { ...(pod.status ?? { phase: 'Pending' }), conditions: (pod.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: at } : c)) };
    putObject(cluster, pod);
    recordEvent(cluster, pod, { type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready' }, NODE_CONTROLLER, at);
  }
}

/** markReachable is what happens when a node posts status again: Ready, untainted. */
export function markReachable(cluster: KubeCluster, name: string, at: string): void {
  const node = getObject<Node>(cluster, 'Node', undefined, name);
  if (!node) return;
  setConditions(node, at, true);
  node.spec.taints = (node.spec.taints ?? []).filter((t) => t.key !== TAINT_UNREACHABLE);
  if (node.spec.taints.length === 0) delete node.spec.taints;
  putObject(cluster, node);
  recordEvent(cluster, node, { type: 'Normal', reason: 'NodeReady', message: `Node ${name} status is now: NodeReady` }, { component: 'kubelet', host: name }, at);
  for (const pod of [...podsOnNode(cluster, name).objects()].filter((p) => p.status?.containerStatuses)) {
    const ready = pod.status!.containerStatuses!.every((s) => s.ready);
    pod.status = { ...pod.status!, conditions: pod.status!.conditions?.map((c) => (c.type === 'Ready' ? { ...c, status: ready ? 'True' : 'False', lastTransitionTime: at } : c)) };
    putObject(cluster, pod);
  }
}

/** withDefaultTolerations is DefaultTolerationSeconds admission: 300 s for not-ready and unreachable NoExecute taints. */
export function withDefaultTolerations(pod: Pod): void {
  const tolerations = pod.spec.tolerations ?? [];
  const added = DEFAULT_TOLERATIONS.filter(({ key }) => !tolerations.some((t) => (t.key === key || (t.operator === 'Exists' && !t.key)) && (!t.effect || t.effect === 'NoExecute')));
  // A pod with none of its own holds the one frozen list of both; otherwise a new array, as the pod's own tolerations
  // may be shared with its siblings (pods stamped from one template share such parts).
  pod.spec.tolerations = tolerations.length === 0 && added.length === DEFAULT_TOLERATIONS.length ? DEFAULT_TOLERATION_LIST : [...tolerations, ...added];
}

/** DEFAULT_TOLERATIONS are the two the admission plugin adds; every pod holds the same two objects (frozen: nothing writes a stored toleration). */
const DEFAULT_TOLERATIONS: readonly Toleration[] = ['node.kubernetes.io/not-ready', TAINT_UNREACHABLE].map((key) =>
  Object.freeze({ key, operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: DEFAULT_TOLERATION_SECONDS }),
);

/** DEFAULT_TOLERATION_LIST is the tolerations of a pod that had none: the two defaults, one frozen array for every such pod. */
const DEFAULT_TOLERATION_LIST = Object.freeze([...DEFAULT_TOLERATIONS]) as Toleration[];
