/** PreFilter and Filter over the snapshot, as schedule_one.go's findNodesThatFitPod. */
import type { Explanation } from './explanation.js';
import { StatusTally } from './fit-error.js';
import { Status, type CycleState, type FilterPlugin } from './framework.js';
import type { ClusterSnapshot } from './cluster-snapshot.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Profile } from './profile.js';
import type { MemoTable } from './memo-table.js';
import { filterMemo, remember, type FilterMemo } from './score-memo.js';

const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** numFeasibleNodesToFind: all nodes below 100, else `percentage`% of them (0 = adaptive 50 - n/125, floor 5), at least 100. */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}

/** PreFilterOutcome is RunPreFilterPlugins' result: a status, the plugin behind it, and any node restriction. */
export interface PreFilterOutcome {
  readonly status: Status;
  readonly plugin?: string;
  readonly nodeNames?: ReadonlySet<string>;
  /** pluginsWithNodes names the plugins that restricted the nodes. */
  readonly pluginsWithNodes: readonly string[];
}

/** runPreFilter runs PreFilter plugins in order; Skip disables a plugin's Filter for this cycle. */
export function runPreFilter(profile: Profile, state: CycleState, pod: PodInfo, snapshot: ClusterSnapshot): PreFilterOutcome {
  let rejected: { status: Status; plugin: string } | undefined;
  let nodeNames: Set<string> | undefined;
  const pluginsWithNodes: string[] = [];
  for (const pl of profile.preFilter) {
    const result = pl.preFilter(state, pod, snapshot);
    if (result instanceof Status) {
      if (result.code === 'Skip') state.skipFilter.push(pl.name);
      else if (result.code === 'UnschedulableAndUnresolvable') return { status: result, plugin: pl.name, pluginsWithNodes };
      // An Unschedulable PreFilter lets the others run (preemption may need their state), then wins.
      else if (result.code === 'Unschedulable') rejected ??= { status: result, plugin: pl.name };
      else if (result.code === 'Error') {
        return { status: Status.error(`running PreFilter plugin "${pl.name}": ${result.message()}`), plugin: pl.name, pluginsWithNodes };
      }
      continue;
    }
    pluginsWithNodes.push(pl.name);
    nodeNames = nodeNames === undefined ? new Set(result.nodeNames) : new Set([...nodeNames].filter((n) => result.nodeNames.has(n)));
    if (nodeNames.size === 0) {
      const message =
        pluginsWithNodes.length === 1
          ? `node(s) didn't satisfy plugin ${pluginsWithNodes[0]}`
          : `node(s) didn't satisfy plugin(s) [${pluginsWithNodes.join(' ')}] simultaneously`;
      return { status: Status.unresolvable(message), plugin: pl.name, pluginsWithNodes };
    }
  }
  return { status: rejected?.status ?? Status.success, plugin: rejected?.plugin, nodeNames, pluginsWithNodes };
}

/** Filtered is what one Filter pass found: feasible nodes, and rejections counted per Status. */
export interface Filtered {
  /** feasible lists the nodes that passed (valid until the next cycle: the list is reused). */
  readonly feasible: NodeInfo[];
  /** slots holds each feasible node's slot in the memo table (valid until the next cycle: the array is reused). */
  readonly slots: Int32Array;
  readonly rejected: StatusTally;
  /** processed counts the nodes examined, which advances the next cycle's start index. */
  readonly processed: number;
  readonly error?: { readonly plugin: string; readonly message: string };
}

/** slotScratch holds the feasible nodes' memo slots of the cycle in progress (a cycle is synchronous). */
let slotScratch = new Int32Array(1024);
/**
 * feasibleScratch is the feasible-node list of the cycle in progress, reused from cycle to cycle: a fresh list grown by
 * push to 500 nodes came to several KB of garbage per pod. Nothing keeps it past the cycle (results carry counts).
 */
const feasibleScratch: NodeInfo[] = [];

/** upTo cuts the scratch list to the count found this cycle (elements past it are the last cycle's). */
function upTo(feasible: NodeInfo[], count: number): NodeInfo[] {
  if (feasible.length !== count) feasible.length = count;
  return feasible;
}

function slotsFor(n: number): Int32Array {
  if (slotScratch.length < n) slotScratch = new Int32Array(Math.max(n, slotScratch.length * 2));
  return slotScratch;
}

/**
 * findNodesThatPassFilters runs Filter plugins node by node from `start`, stopping after `numToFind` feasible nodes.
 * `table` is the snapshot's memo table, given when `nodes` is the snapshot's whole list (nodes[i] is slot i); without it
 * every node is judged afresh.
 */
export function findNodesThatPassFilters(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  start: number,
  numToFind: number,
  table: MemoTable | undefined,
  explanation?: Explanation,
): Filtered {
  const filters: FilterPlugin[] = profile.filter.filter((pl) => !state.skipFilter.includes(pl.name));
  const memo = table ? filterMemo(profile, pod, filters, explanation !== undefined, table) : undefined;
  // Two loops rather than one with a branch: each stays small enough for V8 to inline the plugins into it.
  return memo ? filterRemembering(memo, filters, state, pod, nodes, start, numToFind) : filterEach(filters, state, pod, nodes, start, numToFind, explanation);
}

function filterEach(filters: readonly FilterPlugin[], state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], start: number, numToFind: number, explanation?: Explanation): Filtered {
  const feasible = feasibleScratch;
  const slots = slotsFor(Math.min(nodes.length, numToFind));
  const rejected = new StatusTally();
  const success = Status.success;
  const n = nodes.length;
  let found = 0;
  let i = 0;
  for (; i < n && found < numToFind; i++) {
    const node = nodes[(start + i) % n];
    let failed: Status | undefined;
    let j = 0;
    // Like RunFilterPlugins, the first plugin that rejects the node ends its evaluation.
    for (; j < filters.length; j++) {
      const status = filters[j].filter(state, pod, node);
      if (status !== success && status.code !== 'Success') {
        failed = status;
        break;
      }
    }
    if (failed === undefined) {
      slots[found] = node.memoSlot;
      feasible[found++] = node;
    } else if (failed.isRejected()) {
      rejected.add(failed, filters[j].name);
      explanation?.filtered.push({ node: node.name, plugin: filters[j].name, reason: failed.message() });
    } else return { feasible: upTo(feasible, found), slots, rejected, processed: i + 1, error: filterError(filters[j], failed) };
  }
  return { feasible: upTo(feasible, found), slots, rejected, processed: i };
}

/**
 * filterRemembering is filterEach over the snapshot's whole node list, reading each node's verdict from the memo table
 * by slot, and judging (then remembering) only the nodes whose answer was forgotten or is for another context.
 */
function filterRemembering(memo: FilterMemo, filters: readonly FilterPlugin[], state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], start: number, numToFind: number): Filtered {
  const feasible = feasibleScratch;
  const slots = slotsFor(Math.min(nodes.length, numToFind));
  const rejected = new StatusTally();
  const { key, table } = memo;
  const { filterKey, failedAt } = table;
  const n = nodes.length;
  let found = 0;
  let i = 0;
  for (; i < n && found < numToFind; i++) {
    let slot = start + i;
    if (slot >= n) slot -= n;
    const at = filterKey[slot] === key ? failedAt[slot] : judge(memo, filters, state, pod, nodes[slot], slot);
    if (at < 0) {
      slots[found] = slot;
      feasible[found++] = nodes[slot];
      continue;
    }
    const verdict = table.verdicts[slot] as Status;
    if (verdict.isRejected()) rejected.add(verdict, filters[at].name);
    else return { feasible: upTo(feasible, found), slots, rejected, processed: i + 1, error: filterError(filters[at], verdict) };
  }
  return { feasible: upTo(feasible, found), slots, rejected, processed: i };
}

/** judge runs the filters on one node as RunFilterPlugins does (the first rejection ends it), remembers the verdict and returns the rejecting filter's index, or -1. */
function judge(memo: FilterMemo, filters: readonly FilterPlugin[], state: CycleState, pod: PodInfo, node: NodeInfo, slot: number): number {
  for (let j = 0; j < filters.length; j++) {
    const status = filters[j].filter(state, pod, node);
    if (status !== Status.success && status.code !== 'Success') {
      remember(memo, slot, j, status);
      return j;
    }
  }
  remember(memo, slot, -1, Status.success);
  return -1;
}

function filterError(plugin: FilterPlugin, failed: Status): { plugin: string; message: string } {
  return { plugin: plugin.name, message: `running "${plugin.name}" filter plugin: ${failed.message()}` };
}
