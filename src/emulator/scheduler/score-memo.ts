/**
 * Node-local verdicts and scores, remembered per node while the node is unchanged. A Filter or Score plugin that
 * declares `nodeLocal` judges a node from the pod's requests and the node's own numbers alone (a Score plugin so marked
 * normalizes nothing): the same pod shape on the same node (same NodeInfo generation) gets the same answer. A
 * Deployment's pods share one shape, and between two of its pods only the node that took the first has changed, so
 * nearly every node's answer is read back instead of worked out again. The results are those the plugins give (scores
 * are integers, so the order of addition changes nothing).
 */
import type { CycleState, FilterPlugin, Status } from './framework.js';
import type { NodeInfo, NodeMemo } from './node-info.js';
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

/** FilterMemo answers Filter for one cycle when every filter that runs is node-local. */
export interface FilterMemo {
  readonly key: number;
}

/** filterMemo is the memo for this cycle's filters, or undefined when one of them looks beyond the node (or the cycle is explained). */
export function filterMemo(profile: Profile, pod: PodInfo, filters: readonly FilterPlugin[], explaining: boolean): FilterMemo | undefined {
  if (explaining || filters.length === 0 || !filters.every((f) => f.nodeLocal === true)) return undefined;
  const key = memoKey(profile, pod, profile.filter, filters, 0);
  return keyInARow(key, 0) ? { key } : undefined;
}

/** remembered is the node's verdict under this memo, if it still holds: the Status and the index of the filter that gave it. */
export function remembered(memo: FilterMemo, node: NodeInfo): { readonly verdict: Status; readonly failedAt: number } | undefined {
  return node.filterKey === memo.key && node.filterGeneration === node.generation ? (node as NodeMemo as { verdict: Status; failedAt: number }) : undefined;
}

/** remember keeps a node's verdict under this memo. */
export function remember(memo: FilterMemo, node: NodeInfo, verdict: Status, failedAt: number): void {
  node.filterKey = memo.key;
  node.filterGeneration = node.generation;
  node.verdict = verdict;
  node.failedAt = failedAt;
}

/** nodeLocalScorers are the profile's node-local Score plugins this cycle runs (none when explaining: explanations list every plugin's score). */
export function nodeLocalScorers(profile: Profile, state: CycleState, explaining: boolean): readonly WeightedScorePlugin[] {
  if (explaining) return [];
  return profile.score.filter(({ plugin }) => plugin.nodeLocal === true && !plugin.normalizeScore && !state.skipScore.includes(plugin.name));
}

/** addNodeLocalScores adds each node's weighted sum of the node-local plugins' scores into totals, from the node's memo where it holds; false (nothing added) when the memo is not in use for this pod. */
export function addNodeLocalScores(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  plugins: readonly WeightedScorePlugin[],
  totals: number[],
): boolean {
  const key = memoKey(profile, pod, profile.score, plugins, 1);
  if (!keyInARow(key, 1)) return false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.scoreKey === key && node.scoreGeneration === node.generation) {
      totals[i] += node.sum;
      continue;
    }
    let sum = 0;
    for (const { plugin, weight } of plugins) sum += plugin.score(state, pod, node) * weight;
    node.scoreKey = key;
    node.scoreGeneration = node.generation;
    node.sum = sum;
    totals[i] += sum;
  }
  return true;
}
