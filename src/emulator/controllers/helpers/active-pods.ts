import type { Pod } from '../../kube/index.js';
import { millis } from './json.js';
import { isPodActive, isPodReady, readyCondition } from './pods.js';

/** The order in which a controller deletes surplus pods: controller.ActivePodsWithRanks, with LogarithmicScaleDown. */

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** RankedPod is a pod and the number of its siblings on the same node (more doubled-up goes first). */
export interface RankedPod {
  pod: Pod;
  rank: number;
}

const phaseOrdinal = (pod: Pod): number => PHASE_ORDER[pod.status?.phase ?? ''] ?? 0;
const maxRestarts = (pod: Pod): number => Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount));

/** afterOrZero: a zero time sorts first, then the later time. */
function afterOrZero(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a);
  return a > b;
}

/** logRank buckets how long ago a time was by powers of two nanoseconds, so similar ages tie. */
function logRank(time: number, now: number): number {
  const ns = (now - time) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/** newerFirst compares two times with LogarithmicScaleDown: a bucket apart, the newer first; same bucket, by uid. */
function newerFirst(a: Pod, b: Pod, ta: number, tb: number, now: number): number | undefined {
  if (ta === tb) return undefined;
  if (Number.isNaN(now) || Number.isNaN(ta) || Number.isNaN(tb)) return afterOrZero(ta, tb) ? -1 : 1;
  const diff = logRank(ta, now) - logRank(tb, now);
  if (diff !== 0) return diff;
  const [ua, ub] = [a.metadata.uid ?? '', b.metadata.uid ?? ''];
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** compareForDeletion orders pods so that the ones to delete first come first (ActivePodsWithRanks.Less). */
export function compareForDeletion(x: RankedPod, y: RankedPod, now: string): number {
  const [a, b] = [x.pod, y.pod];
  const [na, nb] = [a.spec.nodeName ?? '', b.spec.nodeName ?? ''];
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) - phaseOrdinal(b);
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
  const [ca, cb] = [deletionCost(a), deletionCost(b)];
  if (ca !== cb) return ca - cb;
  if (x.rank !== y.rank) return y.rank - x.rank;
  const at = millis(now);
  if (isPodReady(a) && isPodReady(b)) {
    const byReady = newerFirst(a, b, millis(readyCondition(a)?.lastTransitionTime), millis(readyCondition(b)?.lastTransitionTime), at);
    if (byReady) return byReady;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  return newerFirst(a, b, millis(a.metadata.creationTimestamp), millis(b.metadata.creationTimestamp), at) ?? 0;
}

/** deletionCost reads controller.kubernetes.io/pod-deletion-cost (lower goes first). */
function deletionCost(pod: Pod): number {
  const value = Number(pod.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0);
  return Number.isInteger(value) ? value : 0;
}

/** podsToDelete is getPodsToDelete: rank each pod by its related active pods on the same node, sort, take the first diff. */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], diff: number, now: string): Pod[] {
  if (diff >= pods.length) return [...pods];
  const perNode = new Map<string, number>();
  for (const pod of related) if (isPodActive(pod)) perNode.set(pod.spec.nodeName ?? '', (perNode.get(pod.spec.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: perNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  return ranked.sort((x, y) => compareForDeletion(x, y, now)).slice(0, diff).map((r) => r.pod);
}
