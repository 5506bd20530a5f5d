/**
 * Node-local verdicts and scores, remembered per node while the node is unchanged. A Filter or Score plugin that
 * declares `nodeLocal` judges a node from the pod's requests and the node's own numbers alone (a Score plugin so marked
 * normalizes nothing): the same pod shape on the same node (same NodeInfo generation) gets the same answer. A
 * Deployment's pods share one shape, and between two of its pods only the node that took the first has changed, so
 * nearly every node's answer is read back instead of worked out again. The results are those the plugins give (scores
 * are integers, so the order of addition changes nothing).
 */
import type { CycleState, FilterPlugin, Status } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Profile, WeightedScorePlugin } from './profile.js';

const keys = new Map<string, number>();
const KEYS_KEPT = 10_000;
/** issued only grows: a key number, once given, never means anything else, even after `keys` is cleared. */
let issued = 0;

/** memoKey numbers a memo's context: the profile, the pod's resource shape and the plugins that answer. */
function memoKey(profile: Profile, pod: PodInfo, plugins: ReadonlyArray<{ readonly name: string }>, point: string): number {
  let text = `${point}\u0000${profile.id}\u0000${pod.resourceShape}\u0000`;
  for (const { name } of plugins) text += `${name},`;
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= KEYS_KEPT) keys.clear();
    key = ++issued;
    keys.set(text, key);
  }
  return key;
}

/** NodeMemo is the slot the memo keeps on each NodeInfo: the last verdict (and the index of the filter that gave it) and score sum, with the keys and generations they hold for. */
export interface NodeMemo {
  filterKey: number;
  filterGeneration: number;
  verdict: Status | undefined;
  failedAt: number;
  scoreKey: number;
  scoreGeneration: number;
  sum: number;
}

/** FilterMemo answers Filter for one cycle when every filter that runs is node-local. */
export interface FilterMemo {
  readonly key: number;
}

/** filterMemo is the memo for this cycle's filters, or undefined when one of them looks beyond the node (or the cycle is explained). */
export function filterMemo(profile: Profile, pod: PodInfo, filters: readonly FilterPlugin[], explaining: boolean): FilterMemo | undefined {
  if (explaining || filters.length === 0 || !filters.every((f) => f.nodeLocal === true)) return undefined;
  return { key: memoKey(profile, pod, filters, 'filter') };
}

/** remembered is the node's verdict under this memo, if it still holds: the Status and the index of the filter that gave it. */
export function remembered(memo: FilterMemo, node: NodeInfo): NodeMemo | undefined {
  const slot = node.memo;
  return slot.filterKey === memo.key && slot.filterGeneration === node.generation ? slot : undefined;
}

/** remember keeps a node's verdict under this memo. */
export function remember(memo: FilterMemo, node: NodeInfo, verdict: Status, failedAt: number): void {
  const slot = node.memo;
  slot.filterKey = memo.key;
  slot.filterGeneration = node.generation;
  slot.verdict = verdict;
  slot.failedAt = failedAt;
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
  const key = memoKey(profile, pod, plugins.map((p) => p.plugin), 'score');
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const slot = node.memo;
    if (slot.scoreKey === key && slot.scoreGeneration === node.generation) {
      totals[i] += slot.sum;
      continue;
    }
    let sum = 0;
    for (const { plugin, weight } of plugins) sum += plugin.score(state, pod, node) * weight;
    slot.scoreKey = key;
    slot.scoreGeneration = node.generation;
    slot.sum = sum;
    totals[i] += sum;
  }
}
