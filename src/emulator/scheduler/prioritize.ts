/** PreScore, Score, NormalizeScore, weighted sum and selectHost (schedule_one.go's prioritizeNodes). */
import type { RandomSource } from '../clock/index.js';
import type { Explanation } from './explanation.js';
import type { CycleState, ScorePlugin, ScoreTotals } from './framework.js';
import type { ClusterSnapshot } from './cluster-snapshot.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Profile } from './profile.js';
import { addNodeLocalScores, nodeLocalScorers } from './score-memo.js';

/**
 * prioritizeNodes returns each node's weighted total (the first nodes.length elements of an array the next call
 * reuses), or an error message from PreScore. `slots` gives each node's slot in the snapshot's memo table; without them node-local scores are not remembered.
 */
export function prioritizeNodes(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  snapshot: ClusterSnapshot,
  explanation?: Explanation,
  slots?: ArrayLike<number>,
): Float64Array | string {
  const totals = filled(nodes.length, profile.score.length === 0 ? 1 : 0);
  if (profile.score.length === 0) return totals;
  for (const { plugin } of profile.score) {
    if (!plugin.preScore) continue;
    const status = plugin.preScore(state, pod, nodes, snapshot);
    if (status.code === 'Skip') state.skipScore.push(plugin.name);
    else if (status.code !== 'Success') return `running PreScore plugin "${plugin.name}": ${status.message()}`;
  }
  let scores: number[] | undefined;
  const nodeLocal = nodeLocalScorers(profile, state, explanation !== undefined);
  const remembered = nodeLocal.length > 0 && slots !== undefined && addNodeLocalScores(profile, state, pod, nodes, nodeLocal, totals, snapshot.memo, slots);
  for (const { plugin, weight } of profile.score) {
    if (state.skipScore.includes(plugin.name)) continue;
    if (remembered && nodeLocal.some((p) => p.plugin === plugin)) continue;
    if (!plugin.normalizeScore && !explanation) {
      addScores(plugin, weight, state, pod, nodes, totals);
      continue;
    }
    if (!explanation && plugin.addUniformScores?.(state, pod, nodes, weight, totals)) continue;
    scores ??= zeroScores(nodes.length);
    for (let i = 0; i < nodes.length; i++) scores[i] = plugin.score(state, pod, nodes[i]);
    const raw = explanation ? [...scores] : undefined;
    plugin.normalizeScore?.(state, pod, nodes, scores);
    for (let i = 0; i < nodes.length; i++) totals[i] += scores[i] * weight;
    if (explanation && raw) {
      for (let i = 0; i < nodes.length; i++) {
        explanation.scores.push({ node: nodes[i].name, plugin: plugin.name, score: raw[i], finalScore: scores[i] * weight });
      }
    }
  }
  if (explanation) for (let i = 0; i < nodes.length; i++) explanation.finalScores.push({ node: nodes[i].name, score: totals[i] });
  return totals;
}

/**
 * The scratch arrays hold the totals and the scores of the cycle in progress: a cycle is synchronous, and its caller
 * reads them before the next. The totals are a typed array allocated once and grown rarely: refilling a plain array
 * every cycle took 3% of a 50,000-pod run's profile, and a fresh typed array per cycle would be allocated off the heap.
 */
let totalsScratch = new Float64Array(1024);
const scoresScratch: number[] = [];

/** filled returns the totals scratch with its first `length` elements set to value (elements past them are stale). */
function filled(length: number, value: number): Float64Array {
  if (totalsScratch.length < length) totalsScratch = new Float64Array(Math.max(length, totalsScratch.length * 2));
  totalsScratch.fill(value, 0, length);
  return totalsScratch;
}

/** zeroScores returns the scores scratch, a plain array of exactly `length` zeros (NormalizeScore reads its length). */
function zeroScores(length: number): number[] {
  const out = scoresScratch;
  if (out.length > length) out.length = length;
  for (let i = 0; i < out.length; i++) out[i] = 0;
  while (out.length < length) out.push(0);
  return out;
}

/** addScores adds a plugin's weighted scores straight into the totals when there is nothing to normalize. */
function addScores(plugin: ScorePlugin, weight: number, state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], totals: ScoreTotals): void {
  if (plugin.addScores) return plugin.addScores(state, pod, nodes, weight, totals);
  for (let i = 0; i < nodes.length; i++) totals[i] += plugin.score(state, pod, nodes[i]) * weight;
}

/** selectHost picks the highest of the first `length` totals, breaking ties by reservoir sampling: one `random.int(ties)` per tied node. */
export function selectHost(totals: ArrayLike<number>, random: RandomSource, length = totals.length): number {
  let best = 0;
  let max = totals[0];
  let ties = 1;
  for (let i = 1; i < length; i++) {
    const score = totals[i];
    if (score > max) {
      max = score;
      best = i;
      ties = 1;
    } else if (score === max) {
      ties++;
      if (random.int(ties) === 0) best = i;
    }
  }
  return best;
}
