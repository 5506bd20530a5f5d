/** PodTopologySpread's Filter rule: matching pods + self - global minimum <= maxSkew (filtering.go). */
import { matchesSelector } from '../../../kube/index.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import { RequiredNodeAffinity } from '../../helpers/node-selector.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';
import { countMatchingPods, hasAllTopologyKeys, matchesInclusionPolicies, type Constraint } from './spread-constraints.js';

const MAX_INT32 = 2 ** 31 - 1;

/** SpreadFilterState holds, per DoNotSchedule constraint, matching pods per domain and the global minimum. */
export interface SpreadFilterState {
  readonly constraints: readonly Constraint[];
  readonly counts: ReadonlyArray<ReadonlyMap<string, number>>;
  readonly minMatch: readonly number[];
}

/** spreadFilterState counts matching pods per domain over eligible nodes (all topology keys, inclusion policies). */
export function spreadFilterState(pod: PodInfo, constraints: readonly Constraint[], snapshot: ClusterSnapshot): SpreadFilterState {
  const required = RequiredNodeAffinity.of(pod.pod);
  const counts = constraints.map(() => new Map<string, number>());
  for (const node of snapshot.nodes) {
    if (!hasAllTopologyKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!matchesInclusionPolicies(c, pod, node, required)) return;
      const value = node.labels[c.topologyKey];
      counts[i].set(value, (counts[i].get(value) ?? 0) + countMatchingPods(node.pods, c.selector, pod.namespace));
    });
  }
  const minMatch = constraints.map((c, i) => {
    // Fewer eligible domains than minDomains makes the global minimum 0.
    if (counts[i].size < c.minDomains) return 0;
    let min = MAX_INT32;
    for (const n of counts[i].values()) if (n < min) min = n;
    return min;
  });
  return { constraints, counts, minMatch };
}

/** SpreadViolation says which rule a node breaks: a missing topology label, or too much skew. */
export type SpreadViolation = 'missing-label' | 'skew' | undefined;

/** spreadViolation checks each constraint in order and reports the first one the node breaks. */
export function spreadViolation(s: SpreadFilterState, pod: PodInfo, node: NodeInfo): SpreadViolation {
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    const value = node.labels[c.topologyKey];
    if (value === undefined) return 'missing-label';
    const self = matchesSelector(c.selector, pod.labels) ? 1 : 0;
    if ((s.counts[i].get(value) ?? 0) + self - s.minMatch[i] > c.maxSkew) return 'skew';
  }
  return undefined;
}
