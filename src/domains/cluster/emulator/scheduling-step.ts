import type { RandomSource } from '../../../emulator/clock/index.js';
import { listObjects, objectKey, type Node, type Pod } from '../../../emulator/kube/index.js';
import { memoOf } from '../../../emulator/kube/store-index.js';
import { ClusterSnapshot, DEFAULT_SCHEDULER_NAME, PodInfo, schedule } from '../../../emulator/scheduler/index.js';
import type { StoredEvent } from '../../../platform/kernel/index.js';
import type { KubeCluster, SchedulingOutcome } from '../kube/kube.types.js';
import { allPods, unboundPods } from '../kube/pod-groups.js';

/** EXPLAIN_UP_TO: explanations are recorded for clusters of at most this many nodes (they grow with nodes × plugins). */
const EXPLAIN_UP_TO = 100;

/** CAPACITY_EVENTS change what nodes can take: the scheduler retries unschedulable pods after one of them, so their messages stay true. */
const CAPACITY_EVENTS = new Set(['NodeAdded', 'NodeRemoved', 'ObjectDeleted', 'ObjectsApplied', 'ObjectsReconciled', 'NodeHealthChanged', 'NodeRecovered', 'PodsEvicted']);

/** snapshotOf is the scheduler's view of the cluster; each bound pod's PodInfo is computed once per write of the pod. */
function snapshotOf(cluster: KubeCluster, nodes: readonly Node[]): ClusterSnapshot {
  const snapshot = ClusterSnapshot.of(nodes);
  for (const entry of allPods(cluster).list()) {
    const pod = entry.object;
    const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    if (pod.spec.nodeName && !terminal && snapshot.get(pod.spec.nodeName)) snapshot.addPod(memoOf(entry, 'podInfo', PodInfo.of));
  }
  return snapshot;
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
  run(cluster: KubeCluster, pods: readonly Pod[], random: RandomSource): { outcomes: SchedulingOutcome[]; nextStartIndex: number } {
    const nodes = listObjects<Node>(cluster, 'Node');
    const snapshot = snapshotOf(cluster, nodes);
    const explain = nodes.length <= EXPLAIN_UP_TO;
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
