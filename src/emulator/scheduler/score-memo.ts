/**
 * Node-local verdicts and scores, remembered per node while the node is unchanged. A Filter or Score plugin that
 * declares `nodeLocal` judges a node from the pod's requests and the node's own numbers alone (a Score plugin so marked
 * normalizes nothing): the same pod shape on the same unchanged node gets the same answer. A
 * Deployment's pods share one shape, and between two of its pods only the node that took the first has changed, so
 * nearly every node's answer is read back instead of worked out again. The answers live in the snapshot's MemoTable,
 * which forgets a node's answers as soon as what its pods request changes. The results are those the plugins give (scores
 * are integers, so the order of addition changes nothing).
 */
import type { CycleState, FilterPlugin, ScoreTotals, Status } from './framework.js';
import type { MemoTable } from './memo-table.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Profile, WeightedScorePlugin } from './profile.js';

const PLUGIN_BITS = 12;
const PROFILE_BITS = 12;

/** contexts numbers memo contexts with small integers (fields holding them stay small integers, never boxed numbers). */
const contexts = new Map<number, number>();
const CONTEXTS_KEPT = 100_000;
/** contextsIssued only grows: a key, once given, never means another context, even after `contexts` is cleared. */
let contextsIssued = 0;

/**
 * memoKey numbers a memo's context: the extension point, the profile, the pod's resource shape and which of the
 * point's plugins answer (a bit per plugin of the profile's list); a profile with more plugins at a point than the
 * bits hold remembers nothing (0 is never a key).
 */
function memoKey(profile: Profile, pod: PodInfo, all: readonly object[], answering: readonly object[], point: 0 | 1): number {
  if (all.length > PLUGIN_BITS || profile.id >= 2 ** PROFILE_BITS || pod.shapeId >= 2 ** 28) return 0;
  let mask = 0;
  for (const plugin of answering) mask |= 1 << all.indexOf(plugin);
  const context = ((pod.shapeId * 2 ** PROFILE_BITS + profile.id) * 2 ** PLUGIN_BITS + mask) * 2 + point;
  let key = contexts.get(context);
  if (key === undefined) {
    if (contexts.size >= CONTEXTS_KEPT) contexts.clear();
    contexts.set(context, (key = ++contextsIssued));
  }
  return key;
}

/**
 * lastKeys holds each extension point's context of the cycle before. The memo is used only for a pod of the same
 * context as the pod before it (a Deployment's pods come in a row): a stream of pods of changing shapes would miss on
 * every node, and pay for writing answers no later cycle reads.
 */
const lastKeys: [number, number] = [0, 0];

function keyInARow(key: number, point: 0 | 1): boolean {
  const again = key !== 0 && key === lastKeys[point];
  lastKeys[point] = key;
  return again;
}

/** FilterMemo answers Filter for one cycle when every filter that runs is node-local: the context's key, and the table it is kept in. */
export interface FilterMemo {
  readonly key: number;
  readonly table: MemoTable;
}

/** filterMemo is the memo for this cycle's filters, or undefined when one of them looks beyond the node (or the cycle is explained). */
export function filterMemo(profile: Profile, pod: PodInfo, filters: readonly FilterPlugin[], explaining: boolean, table: MemoTable): FilterMemo | undefined {
  if (explaining || filters.length === 0 || !filters.every((f) => f.nodeLocal === true)) return undefined;
  const key = memoKey(profile, pod, profile.filter, filters, 0);
  return keyInARow(key, 0) ? { key, table } : undefined;
}

/** remember keeps the verdict of the node at `slot` under this memo: the index of the filter that turned it away (with its Status), or -1. */
export function remember(memo: FilterMemo, slot: number, failedAt: number, verdict: Status): void {
  const { table } = memo;
  table.filterKey[slot] = memo.key;
  table.failedAt[slot] = failedAt;
  table.verdicts[slot] = failedAt < 0 ? undefined : verdict;
}

/** nodeLocalScorers are the profile's node-local Score plugins this cycle runs (none when explaining: explanations list every plugin's score). */
export function nodeLocalScorers(profile: Profile, state: CycleState, explaining: boolean): readonly WeightedScorePlugin[] {
  if (explaining) return [];
  return profile.score.filter(({ plugin }) => plugin.nodeLocal === true && !plugin.normalizeScore && !state.skipScore.includes(plugin.name));
}

/**
 * addNodeLocalScores adds each node's weighted sum of the node-local plugins' scores into totals, from the memo table
 * where it holds (`slots[i]` is nodes[i]'s slot); false (nothing added) when the memo is not in use for this pod.
 */
export function addNodeLocalScores(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  plugins: readonly WeightedScorePlugin[],
  totals: ScoreTotals,
  table: MemoTable,
  slots: ArrayLike<number>,
): boolean {
  const key = memoKey(profile, pod, profile.score, plugins, 1);
  if (!keyInARow(key, 1)) return false;
  const { scoreKey, sum } = table;
  for (let i = 0; i < nodes.length; i++) {
    const slot = slots[i];
    if (scoreKey[slot] === key) {
      totals[i] += sum[slot];
      continue;
    }
    let total = 0;
    for (const { plugin, weight } of plugins) total += plugin.score(state, pod, nodes[i]) * weight;
    scoreKey[slot] = key;
    sum[slot] = total;
    totals[i] += total;
  }
  return true;
}
