/**
 * Node-local scores, remembered per node while the node is unchanged. A Score plugin that declares `nodeLocal` scores
 * a node from the pod's requests and the node's own numbers alone, and normalizes nothing: the same pod shape on the
 * same node (same NodeInfo generation) scores the same. A Deployment's pods share one shape, and between two of its
 * pods only the node that took the first has changed, so nearly every node's sum is read back instead of recomputed.
 * The totals are those the plugins give (scores are integers, so the order of addition changes nothing).
 */
import type { CycleState } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Profile, WeightedScorePlugin } from './profile.js';

const keys = new Map<string, number>();
const KEYS_KEPT = 10_000;
/** issued only grows: a key number, once given, never means anything else, even after `keys` is cleared. */
let issued = 0;

function keyOf(text: string): number {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= KEYS_KEPT) keys.clear();
    key = ++issued;
    keys.set(text, key);
  }
  return key;
}

/** ScoreMemo is the per-node slot the memo keeps on each NodeInfo. */
export interface ScoreMemo {
  key: number;
  generation: number;
  sum: number;
}

/** nodeLocalScorers are the profile's node-local Score plugins this cycle runs (none when explaining: explanations list every plugin's score). */
export function nodeLocalScorers(profile: Profile, state: CycleState, explaining: boolean): readonly WeightedScorePlugin[] {
  if (explaining) return [];
  return profile.score.filter(({ plugin }) => plugin.nodeLocal === true && !plugin.normalizeScore && !state.skipScore.includes(plugin.name));
}

/** addNodeLocalScores adds each node's weighted sum of the node-local plugins' scores into totals, from the node's memo where it holds. */
export function addNodeLocalScores(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  plugins: readonly WeightedScorePlugin[],
  totals: number[],
): void {
  let names = '';
  for (const { plugin } of plugins) names += `${plugin.name},`;
  const key = keyOf(`${profile.id}\u0000${pod.resourceShape}\u0000${names}`);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const memo = node.scoreMemo;
    if (memo.key === key && memo.generation === node.generation) {
      totals[i] += memo.sum;
      continue;
    }
    let sum = 0;
    for (const { plugin, weight } of plugins) sum += plugin.score(state, pod, node) * weight;
    memo.key = key;
    memo.generation = node.generation;
    memo.sum = sum;
    totals[i] += sum;
  }
}
