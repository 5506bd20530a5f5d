/** PodTopologySpread's Score rule: fewer matching pods in the node's domains scores higher (scoring.go). */
import { LABEL_HOSTNAME } from '../../../kube/index.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import { MAX_NODE_SCORE } from '../../framework.js';
import { RequiredNodeAffinity } from '../../helpers/node-selector.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';
import { countMatchingPods, hasAllTopologyKeys, matchesInclusionPolicies, type Constraint } from './spread-constraints.js';

/** SpreadScoreState holds, per ScheduleAnyway constraint, pods per domain of the candidates and a weight per topology size. */
export interface SpreadScoreState {
  readonly pod: PodInfo;
  readonly constraints: readonly Constraint[];
  readonly ignored: ReadonlySet<NodeInfo>;
  readonly counts: ReadonlyArray<ReadonlyMap<string, number>>;
  readonly weights: readonly number[];
}

/** spreadScoreState sizes the candidates' domains, then counts matching pods in them over all eligible nodes. */
export function spreadScoreState(
  pod: PodInfo,
  constraints: readonly Constraint[],
  candidates: readonly NodeInfo[],
  snapshot: ClusterSnapshot,
  requireAllTopologies: boolean,
): SpreadScoreState {
  const ignored = new Set<NodeInfo>();
  const counts = constraints.map(() => new Map<string, number>());
  for (const node of candidates) {
    if (requireAllTopologies && !hasAllTopologyKeys(node, constraints)) {
      ignored.add(node);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey !== LABEL_HOSTNAME) counts[i].set(node.labels[c.topologyKey] ?? '', 0);
    });
  }
  // log(size + 2): smaller topologies are not watered down by larger ones.
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? candidates.length - ignored.size : counts[i].size) + 2));
  const required = RequiredNodeAffinity.of(pod.pod);
  for (const node of snapshot.nodes) {
    if (requireAllTopologies && !hasAllTopologyKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!matchesInclusionPolicies(c, pod, node, required)) return;
      const value = node.labels[c.topologyKey] ?? '';
      const count = counts[i].get(value);
      if (count !== undefined) counts[i].set(value, count + countMatchingPods(node.pods, c.selector, pod.namespace));
    });
  }
  return { pod, constraints, ignored, counts, weights };
}

/** spreadScore sums count * weight + (maxSkew - 1) over the node's domains, rounded; ignored nodes score 0. */
export function spreadScore(s: SpreadScoreState, node: NodeInfo): number {
  if (s.ignored.has(node)) return 0;
  let score = 0;
  s.constraints.forEach((c, i) => {
    const value = node.labels[c.topologyKey];
    if (value === undefined) return;
    const count = c.topologyKey === LABEL_HOSTNAME ? countMatchingPods(node.pods, c.selector, s.pod.namespace) : (s.counts[i].get(value) ?? 0);
    score += count * s.weights[i] + (c.maxSkew - 1);
  });
  return Math.round(score);
}

/** normalizeSpreadScores reverses scores onto 0-100 (fewest matching pods best); ignored nodes get 0. */
export function normalizeSpreadScores(s: SpreadScoreState, nodes: readonly NodeInfo[], scores: number[]): void {
  let min = Infinity;
  let max = 0;
  nodes.forEach((node, i) => {
    if (s.ignored.has(node)) return;
    if (scores[i] < min) min = scores[i];
    if (scores[i] > max) max = scores[i];
  });
  nodes.forEach((node, i) => {
    if (s.ignored.has(node)) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
  });
}
