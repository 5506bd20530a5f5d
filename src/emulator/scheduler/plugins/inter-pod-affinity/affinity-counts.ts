/** The counting rules of InterPodAffinity's Filter (plugins/interpodaffinity/filtering.go). */
import { matchesSelector } from '../../../kube/index.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import type { NodeInfo } from '../../node-info.js';
import { isEmptySelector, termMatches, type AffinityTerm, type PodInfo } from '../../pod-info.js';

/** TopologyCounts counts matching pods per topology pair (`key\0value`). */
export type TopologyCounts = Map<string, number>;

/** pairKey names a topology pair. */
export const pairKey = (key: string, value: string): string => `${key}\u0000${value}`;

function bump(counts: TopologyCounts, node: NodeInfo, topologyKey: string): void {
  const value = node.labels[topologyKey];
  if (value === undefined) return;
  const key = pairKey(topologyKey, value);
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** mergeNamespaces resolves a non-empty namespaceSelector into namespace names (mergeAffinityTermNamespacesIfNotEmpty). */
export function mergeNamespaces(term: AffinityTerm, snapshot: ClusterSnapshot): AffinityTerm {
  if (term.namespaceSelector === undefined || isEmptySelector(term.namespaceSelector)) return term;
  const namespaces = new Set(term.namespaces);
  for (const [name, labels] of snapshot.namespaces) if (matchesSelector(term.namespaceSelector, labels)) namespaces.add(name);
  return { ...term, namespaces, namespaceSelector: undefined };
}

/** podMatchesAllTerms: the pod matches every term (and there is at least one). */
export function podMatchesAllTerms(terms: readonly AffinityTerm[], pod: PodInfo): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, undefined)) return false;
  return true;
}

/** existingAntiAffinityCounts counts, per topology pair, existing pods whose required anti-affinity matches `pod`. */
export function existingAntiAffinityCounts(pod: PodInfo, snapshot: ClusterSnapshot): TopologyCounts {
  const counts: TopologyCounts = new Map();
  const namespaceLabels = snapshot.namespaces.get(pod.namespace);
  for (const node of snapshot.havePodsWithRequiredAntiAffinity()) {
    for (const existing of node.podsWithRequiredAntiAffinity) {
      for (const t of existing.requiredAntiAffinityTerms) if (termMatches(t, pod, namespaceLabels)) bump(counts, node, t.topologyKey);
    }
  }
  return counts;
}

/** incomingCounts counts, per topology pair, existing pods matching the incoming pod's affinity (all terms) and anti-affinity terms. */
export function incomingCounts(
  affinity: readonly AffinityTerm[],
  antiAffinity: readonly AffinityTerm[],
  snapshot: ClusterSnapshot,
): { affinity: TopologyCounts; antiAffinity: TopologyCounts } {
  const out = { affinity: new Map<string, number>(), antiAffinity: new Map<string, number>() };
  if (affinity.length === 0 && antiAffinity.length === 0) return out;
  for (const node of snapshot.nodes) {
    for (const existing of node.pods) {
      if (podMatchesAllTerms(affinity, existing)) for (const t of affinity) bump(out.affinity, node, t.topologyKey);
      for (const t of antiAffinity) if (termMatches(t, existing, undefined)) bump(out.antiAffinity, node, t.topologyKey);
    }
  }
  return out;
}

/** AffinityFilterState is what PreFilter leaves for Filter. */
export interface AffinityFilterState {
  readonly pod: PodInfo;
  readonly affinity: readonly AffinityTerm[];
  readonly antiAffinity: readonly AffinityTerm[];
  readonly existingAntiAffinityCounts: TopologyCounts;
  readonly affinityCounts: TopologyCounts;
  readonly antiAffinityCounts: TopologyCounts;
}

/** satisfiesPodAffinity: the node has every topology key and matching pods in those domains, or is first of a self-affine group. */
export function satisfiesPodAffinity(s: AffinityFilterState, node: NodeInfo): boolean {
  let podsExist = true;
  for (const t of s.affinity) {
    const value = node.labels[t.topologyKey];
    if (value === undefined) return false;
    if ((s.affinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself must not stay pending forever.
  return s.affinityCounts.size === 0 && podMatchesAllTerms(s.affinity, s.pod);
}

/** satisfiesPodAntiAffinity: no pod matching an anti-affinity term runs in the node's domain for that term. */
export function satisfiesPodAntiAffinity(s: AffinityFilterState, node: NodeInfo): boolean {
  if (s.antiAffinityCounts.size === 0) return true;
  for (const t of s.antiAffinity) {
    const value = node.labels[t.topologyKey];
    if (value !== undefined && (s.antiAffinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) > 0) return false;
  }
  return true;
}

/** satisfiesExistingPodsAntiAffinity: no existing pod's anti-affinity excludes the pod from any of the node's domains. */
export function satisfiesExistingPodsAntiAffinity(s: AffinityFilterState, node: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  for (const [key, value] of Object.entries(node.labels)) {
    if ((s.existingAntiAffinityCounts.get(pairKey(key, value)) ?? 0) > 0) return false;
  }
  return true;
}
