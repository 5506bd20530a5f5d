/** The scoring rule of InterPodAffinity (plugins/interpodaffinity/scoring.go). */
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import type { NodeInfo } from '../../node-info.js';
import { termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../../pod-info.js';

/** TopologyScores maps topology key, then value, to a summed weight. */
export type TopologyScores = Map<string, Map<string, number>>;

function add(scores: TopologyScores, term: AffinityTerm, weight: number, node: NodeInfo): void {
  const value = node.labels[term.topologyKey];
  if (value === undefined) return;
  let byValue = scores.get(term.topologyKey);
  if (!byValue) scores.set(term.topologyKey, (byValue = new Map()));
  byValue.set(value, (byValue.get(value) ?? 0) + weight);
}

function hasLabels(node: NodeInfo): boolean {
  for (const _ in node.labels) return true;
  return false;
}

/** IncomingPreferences are the incoming pod's preferred terms, namespaces already resolved. */
export interface IncomingPreferences {
  readonly affinity: readonly WeightedAffinityTerm[];
  readonly antiAffinity: readonly WeightedAffinityTerm[];
}

/** topologyScores sums preferred-term weights per domain both ways (plus hard affinity); undefined if nothing matched. */
export function topologyScores(
  pod: PodInfo,
  incoming: IncomingPreferences,
  snapshot: ClusterSnapshot,
  hardPodAffinityWeight: number,
): TopologyScores | undefined {
  const hasPreferences = incoming.affinity.length > 0 || incoming.antiAffinity.length > 0;
  const nodes = hasPreferences ? snapshot.nodes : snapshot.havePodsWithAffinity();
  const namespaceLabels = snapshot.namespaces.get(pod.namespace);
  const scores: TopologyScores = new Map();
  let matched = false;
  const process = (term: AffinityTerm, weight: number, target: PodInfo, labels: typeof namespaceLabels, node: NodeInfo): void => {
    if (!termMatches(term, target, labels)) return;
    matched = true;
    add(scores, term, weight, node);
  };
  for (const node of nodes) {
    if (!hasLabels(node)) continue;
    for (const existing of hasPreferences ? node.pods : node.podsWithAffinity) {
      for (const t of incoming.affinity) process(t, t.weight, existing, undefined, node);
      for (const t of incoming.antiAffinity) process(t, -t.weight, existing, undefined, node);
      if (hardPodAffinityWeight > 0) for (const t of existing.requiredAffinityTerms) process(t, hardPodAffinityWeight, pod, namespaceLabels, node);
      for (const t of existing.preferredAffinityTerms) process(t, t.weight, pod, namespaceLabels, node);
      for (const t of existing.preferredAntiAffinityTerms) process(t, -t.weight, pod, namespaceLabels, node);
    }
  }
  return matched ? scores : undefined;
}

/** affinityScore sums the node's domains' weights. */
export function affinityScore(scores: TopologyScores, node: NodeInfo): number {
  let score = 0;
  for (const [key, byValue] of scores) {
    const value = node.labels[key];
    if (value !== undefined) score += byValue.get(value) ?? 0;
  }
  return score;
}

/** normalizeAffinityScores maps [min, max] onto [0, 100], truncating; all equal scores become 0. */
export function normalizeAffinityScores(scores: number[]): void {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s > max) max = s;
    if (s < min) min = s;
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(100 * ((scores[i] - min) / diff)) : 0;
}
