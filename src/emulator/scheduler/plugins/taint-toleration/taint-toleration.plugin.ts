/** TaintToleration: NoSchedule/NoExecute taints filter, PreferNoSchedule taints score (plugins/tainttoleration). */
import type { Taint, Toleration } from '../../../kube/index.js';
import { MAX_NODE_SCORE, StateKey, Status, type CycleState, type FilterPlugin, type PreFilterPlugin, type ScorePlugin, type ScoreTotals } from '../../framework.js';
import { defaultNormalizeScore } from '../../helpers/normalize-score.js';
import { findUntoleratedTaint, isDoNotScheduleTaint, tolerationsTolerateTaint } from '../../helpers/tolerations.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';

/** TAINT_TOLERATION is the plugin's registry name. */
export const TAINT_TOLERATION = 'TaintToleration';

const preScoreKey = new StateKey<readonly Toleration[]>('PreScoreTaintToleration');
/** untaintedKey records at PreScore that no node of the snapshot has a taint, so no candidate needs looking at. */
const untaintedKey = new StateKey<boolean>('PreScoreTaintTolerationUntainted');

/** untoleratedTaint is the first NoSchedule/NoExecute taint of the node the pod does not tolerate. */
export function untoleratedTaint(pod: PodInfo, node: NodeInfo): Taint | undefined {
  if (node.taints.length === 0) return undefined;
  return findUntoleratedTaint(node.taints, pod.pod.spec.tolerations, isDoNotScheduleTaint);
}

/** untoleratedTaintReason is kube-scheduler's reason string for an untolerated taint. */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

/** preferNoScheduleTolerations keeps tolerations with effect PreferNoSchedule or none (which means all). */
export function preferNoScheduleTolerations(tolerations: readonly Toleration[] | undefined): readonly Toleration[] {
  return (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** countIntolerablePreferNoSchedule counts the node's PreferNoSchedule taints none of the tolerations tolerate. */
export function countIntolerablePreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let count = 0;
  for (const taint of taints) if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, taint)) count++;
  return count;
}

/** TaintTolerationPlugin filters on hard taints and prefers nodes with fewer intolerable soft taints. */
export class TaintTolerationPlugin implements PreFilterPlugin, FilterPlugin, ScorePlugin {
  readonly name = TAINT_TOLERATION;

  /** preFilter skips the Filter while no node has a NoSchedule/NoExecute taint (an emulator shortcut, same outcome). */
  preFilter(_state: CycleState, _pod: PodInfo, snapshot: ClusterSnapshot): Status {
    return snapshot.anyDoNotScheduleTaints ? Status.success : Status.skip;
  }

  /** filter rejects a node with an untolerated NoSchedule/NoExecute taint (UnschedulableAndUnresolvable). */
  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status {
    if (!node.hasDoNotScheduleTaints) return Status.success;
    const taint = untoleratedTaint(pod, node);
    return taint === undefined ? Status.success : Status.unresolvable(untoleratedTaintReason(taint));
  }

  /** preScore keeps the tolerations that can matter for PreferNoSchedule taints, and whether the cluster has a taint at all. */
  preScore(state: CycleState, pod: PodInfo, _nodes?: readonly NodeInfo[], snapshot?: ClusterSnapshot): Status {
    state.write(preScoreKey, preferNoScheduleTolerations(pod.pod.spec.tolerations));
    if (snapshot) state.write(untaintedKey, !snapshot.anyTaints);
    return Status.success;
  }

  /** score is the number of intolerable PreferNoSchedule taints; fewer is better after normalizing. */
  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    if (node.taints.length === 0) return 0;
    return countIntolerablePreferNoSchedule(node.taints, state.read(preScoreKey));
  }

  /**
   * addUniformScores: when no candidate node has a taint, every count is 0 and normalizes to 100 (the usual case). A
   * cluster without taints is known from PreScore, without reading every candidate NodeInfo (a cache miss each).
   */
  addUniformScores(state: CycleState, _pod: PodInfo, nodes: readonly NodeInfo[], weight: number, totals: ScoreTotals): boolean {
    if (!state.has(untaintedKey) || !state.read(untaintedKey)) for (let i = 0; i < nodes.length; i++) if (nodes[i].taints.length > 0) return false;
    for (let i = 0; i < nodes.length; i++) totals[i] += MAX_NODE_SCORE * weight;
    return true;
  }

  /** normalizeScore maps counts to 0-100, reversed: no intolerable taints scores 100. */
  normalizeScore(_state: CycleState, _pod: PodInfo, _nodes: readonly NodeInfo[], scores: number[]): void {
    defaultNormalizeScore(scores, true);
  }
}
