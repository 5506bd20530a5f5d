/** PreFilter and Filter over the snapshot, as schedule_one.go's findNodesThatFitPod. */
import type { Explanation } from './explanation.js';
import { StatusTally } from './fit-error.js';
import { Status, type CycleState, type FilterPlugin } from './framework.js';
import type { ClusterSnapshot } from './cluster-snapshot.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Profile } from './profile.js';
import { filterMemo, remember, remembered, type FilterMemo } from './score-memo.js';

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
  readonly feasible: NodeInfo[];
  readonly rejected: StatusTally;
  /** processed counts the nodes examined, which advances the next cycle's start index. */
  readonly processed: number;
  readonly error?: { readonly plugin: string; readonly message: string };
}

/** findNodesThatPassFilters runs Filter plugins node by node from `start`, stopping after `numToFind` feasible nodes. */
export function findNodesThatPassFilters(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  start: number,
  numToFind: number,
  explanation?: Explanation,
): Filtered {
  const filters: FilterPlugin[] = profile.filter.filter((pl) => !state.skipFilter.includes(pl.name));
  const memo = filterMemo(profile, pod, filters, explanation !== undefined);
  // Two loops rather than one with a branch: each stays small enough for V8 to inline the plugins into it.
  return memo ? filterRemembering(memo, filters, state, pod, nodes, start, numToFind) : filterEach(filters, state, pod, nodes, start, numToFind, explanation);
}

function filterEach(filters: readonly FilterPlugin[], state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], start: number, numToFind: number, explanation?: Explanation): Filtered {
  const feasible: NodeInfo[] = [];
  const rejected = new StatusTally();
  const success = Status.success;
  const n = nodes.length;
  let i = 0;
  for (; i < n && feasible.length < numToFind; i++) {
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
    if (failed === undefined) feasible.push(node);
    else if (failed.isRejected()) {
      rejected.add(failed, filters[j].name);
      explanation?.filtered.push({ node: node.name, plugin: filters[j].name, reason: failed.message() });
    } else return { feasible, rejected, processed: i + 1, error: filterError(filters[j], failed) };
  }
  return { feasible, rejected, processed: i };
}

/** filterRemembering is filterEach reading each node's verdict from its memo, and judging (then remembering) only the nodes whose memo no longer holds. */
function filterRemembering(memo: FilterMemo, filters: readonly FilterPlugin[], state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], start: number, numToFind: number): Filtered {
  const feasible: NodeInfo[] = [];
  const rejected = new StatusTally();
  const success = Status.success;
  const n = nodes.length;
  let i = 0;
  for (; i < n && feasible.length < numToFind; i++) {
    const node = nodes[(start + i) % n];
    const known = remembered(memo, node) ?? judge(memo, filters, state, pod, node);
    if (known.verdict === success) feasible.push(node);
    else if (known.verdict.isRejected()) rejected.add(known.verdict, filters[known.failedAt].name);
    else return { feasible, rejected, processed: i + 1, error: filterError(filters[known.failedAt], known.verdict) };
  }
  return { feasible, rejected, processed: i };
}

/** judge runs the filters on one node as RunFilterPlugins does (the first rejection ends it) and remembers the verdict. */
function judge(memo: FilterMemo, filters: readonly FilterPlugin[], state: CycleState, pod: PodInfo, node: NodeInfo): { readonly verdict: Status; readonly failedAt: number } {
  let j = 0;
  let verdict = Status.success;
  for (; j < filters.length; j++) {
    const status = filters[j].filter(state, pod, node);
    if (status !== Status.success && status.code !== 'Success') {
      verdict = status;
      break;
    }
  }
  remember(memo, node, verdict, j);
  return { verdict, failedAt: j };
}

function filterError(plugin: FilterPlugin, failed: Status): { plugin: string; message: string } {
  return { plugin: plugin.name, message: `running "${plugin.name}" filter plugin: ${failed.message()}` };
}
