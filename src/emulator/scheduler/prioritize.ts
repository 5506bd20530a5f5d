/** PreScore, Score, NormalizeScore, weighted sum and selectHost (schedule_one.go's prioritizeNodes). */
import type { RandomSource } from '../clock/index.js';
import type { Explanation } from './explanation.js';
import type { CycleState, ScorePlugin } from './framework.js';
import type { ClusterSnapshot } from './cluster-snapshot.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Profile } from './profile.js';
import { addNodeLocalScores, nodeLocalScorers } from './score-memo.js';

/** prioritizeNodes returns each node's weighted total (an array reused by the next call), or an error message from PreScore. */
export function prioritizeNodes(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  snapshot: ClusterSnapshot,
  explanation?: Explanation,
): number[] | string {
  // Plain arrays (large typed arrays are allocated outside the heap and cost more than the scoring), kept from cycle to
  // cycle: `new Array(n).fill(v)` makes a holey array through a slow builtin, and growing one by push reallocates it.
  const totals: number[] = filled('totals', nodes.length, profile.score.length === 0 ? 1 : 0);
  if (profile.score.length === 0) return totals;
  for (const { plugin } of profile.score) {
    if (!plugin.preScore) continue;
    const status = plugin.preScore(state, pod, nodes, snapshot);
    if (status.code === 'Skip') state.skipScore.push(plugin.name);
    else if (status.code !== 'Success') return `running PreScore plugin "${plugin.name}": ${status.message()}`;
  }
  let scores: number[] | undefined;
  const nodeLocal = nodeLocalScorers(profile, state, explanation !== undefined);
  const remembered = nodeLocal.length > 0 && addNodeLocalScores(profile, state, pod, nodes, nodeLocal, totals);
  for (const { plugin, weight } of profile.score) {
    if (state.skipScore.includes(plugin.name)) continue;
    if (remembered && nodeLocal.some((p) => p.plugin === plugin)) continue;
    if (!plugin.normalizeScore && !explanation) {
      addScores(plugin, weight, state, pod, nodes, totals);
      continue;
    }
    if (!explanation && plugin.addUniformScores?.(state, pod, nodes, weight, totals)) continue;
    scores ??= filled('scores', nodes.length, 0);
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

/** scratch holds the totals and the scores of the cycle in progress: a cycle is synchronous, and its caller reads them before the next. */
const scratch = { totals: [] as number[], scores: [] as number[] };

/** filled sizes one of the scratch arrays to length and sets every element to value (no array grown by push per cycle). */
function filled(which: keyof typeof scratch, length: number, value: number): number[] {
  const out = scratch[which];
  if (out.length > length) out.length = length;
  for (let i = 0; i < out.length; i++) out[i] = value;
  while (out.length < length) out.push(value);
  return out;
}

/** addScores adds a plugin's weighted scores straight into the totals when there is nothing to normalize. */
function addScores(plugin: ScorePlugin, weight: number, state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], totals: number[]): void {
  if (plugin.addScores) return plugin.addScores(state, pod, nodes, weight, totals);
  for (let i = 0; i < nodes.length; i++) totals[i] += plugin.score(state, pod, nodes[i]) * weight;
}

/** selectHost picks the highest total, breaking ties by reservoir sampling: one `random.int(ties)` per tied node. */
export function selectHost(totals: readonly number[], random: RandomSource): number {
  let best = 0;
  let max = totals[0];
  let ties = 1;
  for (let i = 1; i < totals.length; i++) {
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
