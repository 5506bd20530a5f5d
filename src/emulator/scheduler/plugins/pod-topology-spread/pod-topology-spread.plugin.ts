/** PodTopologySpread: DoNotSchedule constraints filter, ScheduleAnyway constraints score (plugins/podtopologyspread). */
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import { StateKey, Status, type CycleState, type FilterPlugin, type PreFilterPlugin, type ScorePlugin } from '../../framework.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';
import { podConstraints } from './spread-constraints.js';
import { spreadFilterState, spreadViolation, type SpreadFilterState } from './spread-filter.js';
import { normalizeSpreadScores, spreadScore, spreadScoreState, type SpreadScoreState } from './spread-score.js';

/** POD_TOPOLOGY_SPREAD is the plugin's registry name. */
export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';
/** ERR_REASON_CONSTRAINTS_NOT_MATCH: placing the pod here would exceed maxSkew. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
/** ERR_REASON_NODE_LABEL_NOT_MATCH: the node lacks a constraint's topology key. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const preFilterKey = new StateKey<SpreadFilterState>('PreFilterPodTopologySpread');
const preScoreKey = new StateKey<SpreadScoreState>('PreScorePodTopologySpread');
const skewRejected = Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
const labelRejected = Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);

/** PodTopologySpreadPlugin implements PreFilter, Filter, PreScore, Score and NormalizeScore. */
export class PodTopologySpreadPlugin implements PreFilterPlugin, FilterPlugin, ScorePlugin {
  readonly name = POD_TOPOLOGY_SPREAD;

  /** preFilter counts matching pods per domain for DoNotSchedule constraints, or skips a pod without any. */
  preFilter(state: CycleState, pod: PodInfo, snapshot: ClusterSnapshot): Status {
    const { constraints } = podConstraints(pod, snapshot, 'DoNotSchedule');
    if (constraints.length === 0) return Status.skip;
    state.write(preFilterKey, spreadFilterState(pod, constraints, snapshot));
    return Status.success;
  }

  /** filter rejects a node missing a topology key (unresolvable) or where the skew would exceed maxSkew. */
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status {
    const violation = spreadViolation(state.read(preFilterKey), pod, node);
    if (violation === undefined) return Status.success;
    return violation === 'skew' ? skewRejected : labelRejected;
  }

  /** preScore counts matching pods per domain for ScheduleAnyway constraints, or skips a pod without any. */
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], snapshot: ClusterSnapshot): Status {
    const { constraints, systemDefaulted } = podConstraints(pod, snapshot, 'ScheduleAnyway');
    if (constraints.length === 0) return Status.skip;
    // System defaults let nodes without a zone label still spread by hostname.
    state.write(preScoreKey, spreadScoreState(pod, constraints, nodes, snapshot, !systemDefaulted));
    return Status.success;
  }

  /** score grows with the matching pods in the node's domains. */
  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    return spreadScore(state.read(preScoreKey), node);
  }

  /** normalizeScore reverses onto 0-100 so the emptiest domain wins. */
  normalizeScore(state: CycleState, _pod: PodInfo, nodes: readonly NodeInfo[], scores: number[]): void {
    normalizeSpreadScores(state.read(preScoreKey), nodes, scores);
  }
}
