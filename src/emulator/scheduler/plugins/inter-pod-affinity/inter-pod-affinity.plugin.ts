/** InterPodAffinity: required pod (anti-)affinity filters, preferred terms score (plugins/interpodaffinity). */
import { StateKey, Status, type CycleState, type FilterPlugin, type PreFilterPlugin, type ScorePlugin } from '../../framework.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo, WeightedAffinityTerm } from '../../pod-info.js';
import {
  existingAntiAffinityCounts,
  incomingCounts,
  mergeNamespaces,
  satisfiesExistingPodsAntiAffinity,
  satisfiesPodAffinity,
  satisfiesPodAntiAffinity,
  type AffinityFilterState,
} from './affinity-counts.js';
import { affinityScore, normalizeAffinityScores, topologyScores, type TopologyScores } from './affinity-scores.js';

/** INTER_POD_AFFINITY is the plugin's registry name. */
export const INTER_POD_AFFINITY = 'InterPodAffinity';
/** ERR_REASON_AFFINITY_RULES_NOT_MATCH: no domain of the node holds the pods the required affinity asks for. */
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
/** ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH: a domain of the node holds pods the required anti-affinity avoids. */
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
/** ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH: an existing pod's required anti-affinity keeps this pod away. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

/** InterPodAffinityArgs are the plugin's arguments; kube-scheduler's defaults apply when omitted. */
export interface InterPodAffinityArgs {
  /** hardPodAffinityWeight scores existing pods' required affinity that the incoming pod satisfies (default 1). */
  readonly hardPodAffinityWeight?: number;
  /** ignorePreferredTermsOfExistingPods skips scoring unless the incoming pod has preferred terms. */
  readonly ignorePreferredTermsOfExistingPods?: boolean;
}

const preFilterKey = new StateKey<AffinityFilterState>('PreFilterInterPodAffinity');
const preScoreKey = new StateKey<TopologyScores>('PreScoreInterPodAffinity');
const affinityRejected = Status.unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
const antiAffinityRejected = Status.unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
const existingRejected = Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);

function mergeWeighted(terms: readonly WeightedAffinityTerm[], snapshot: ClusterSnapshot): WeightedAffinityTerm[] {
  return terms.map((t) => ({ ...mergeNamespaces(t, snapshot), weight: t.weight }));
}

/** InterPodAffinityPlugin implements PreFilter, Filter, PreScore, Score and NormalizeScore. */
export class InterPodAffinityPlugin implements PreFilterPlugin, FilterPlugin, ScorePlugin {
  readonly name = INTER_POD_AFFINITY;
  private readonly hardPodAffinityWeight: number;
  private readonly ignoreExistingPreferences: boolean;

  constructor(args: InterPodAffinityArgs = {}) {
    this.hardPodAffinityWeight = args.hardPodAffinityWeight ?? 1;
    this.ignoreExistingPreferences = args.ignorePreferredTermsOfExistingPods ?? false;
  }

  /** preFilter counts matching pods per domain, or skips when neither the pod nor any existing pod has required terms. */
  preFilter(state: CycleState, pod: PodInfo, snapshot: ClusterSnapshot): Status {
    const ownTerms = pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0;
    // With no required anti-affinity anywhere (the usual case) there is nothing to count: skip without building counts.
    if (!ownTerms && !snapshot.anyPodsWithRequiredAntiAffinity) return Status.skip;
    const existing = existingAntiAffinityCounts(pod, snapshot);
    if (existing.size === 0 && !ownTerms) return Status.skip;
    const affinity = pod.requiredAffinityTerms.map((t) => mergeNamespaces(t, snapshot));
    const antiAffinity = pod.requiredAntiAffinityTerms.map((t) => mergeNamespaces(t, snapshot));
    const counts = incomingCounts(affinity, antiAffinity, snapshot);
    state.write(preFilterKey, {
      pod,
      affinity,
      antiAffinity,
      existingAntiAffinityCounts: existing,
      affinityCounts: counts.affinity,
      antiAffinityCounts: counts.antiAffinity,
    });
    return Status.success;
  }

  /** filter checks the pod's affinity, then its anti-affinity, then existing pods' anti-affinity. */
  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status {
    const s = state.read(preFilterKey);
    if (!satisfiesPodAffinity(s, node)) return affinityRejected;
    if (!satisfiesPodAntiAffinity(s, node)) return antiAffinityRejected;
    if (!satisfiesExistingPodsAntiAffinity(s, node)) return existingRejected;
    return Status.success;
  }

  /** preScore sums preferred-term weights per domain, or skips when nothing matches. */
  preScore(state: CycleState, pod: PodInfo, _nodes: readonly NodeInfo[], snapshot: ClusterSnapshot): Status {
    // Neither the pod nor any existing pod has affinity terms: nothing can match, as topologyScores would find.
    if (!snapshot.anyPodsWithAffinity && pod.preferredAffinityTerms.length === 0 && pod.preferredAntiAffinityTerms.length === 0) return Status.skip;
    const incoming = {
      affinity: mergeWeighted(pod.preferredAffinityTerms, snapshot),
      antiAffinity: mergeWeighted(pod.preferredAntiAffinityTerms, snapshot),
    };
    if (this.ignoreExistingPreferences && incoming.affinity.length === 0 && incoming.antiAffinity.length === 0) return Status.skip;
    const scores = topologyScores(pod, incoming, snapshot, this.hardPodAffinityWeight);
    if (!scores) return Status.skip;
    state.write(preScoreKey, scores);
    return Status.success;
  }

  /** score is the summed weight of the node's domains (negative for anti-affinity). */
  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    return affinityScore(state.read(preScoreKey), node);
  }

  /** normalizeScore maps the lowest score to 0 and the highest to 100. */
  normalizeScore(state: CycleState, _pod: PodInfo, _nodes: readonly NodeInfo[], scores: number[]): void {
    if (state.read(preScoreKey).size > 0) normalizeAffinityScores(scores);
  }
}
