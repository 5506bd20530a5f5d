/** One scheduling cycle: PreFilter, Filter, Score, selectHost, Reserve, Bind (schedule_one.go). */
import type { Pod } from '../kube/index.js';
import type { RandomSource } from '../clock/index.js';
import { newExplanation, type Explanation } from './explanation.js';
import { findNodesThatPassFilters, numFeasibleNodesToFind, runPreFilter } from './find-nodes.js';
import { ERR_NO_NODES_AVAILABLE, FitError, type Diagnosis } from './fit-error.js';
import { CycleState, Status, type Binding } from './framework.js';
import type { ClusterSnapshot } from './cluster-snapshot.js';
import type { NodeInfo } from './node-info.js';
import { PodInfo } from './pod-info.js';
import { prioritizeNodes, selectHost } from './prioritize.js';
import { DEFAULT_PROFILE, type Profile } from './profile.js';
import { reserveAndBind } from './reserve-bind.js';

/** ScheduleOptions are the inputs of a cycle beyond the pod and the snapshot. */
export interface ScheduleOptions {
  /** random breaks ties between equally scored nodes; the only randomness the cycle uses. */
  readonly random: RandomSource;
  /** startIndex is where Filter starts in snapshot.nodes; pass the previous result's nextStartIndex. */
  readonly startIndex?: number;
  /** explain records filter reasons and scores per node (costly: leave off in bulk runs). */
  readonly explain?: boolean;
  /** profile defaults to kube-scheduler's default profile. */
  readonly profile?: Profile;
  /** dryRun picks a node but neither reserves nor binds: the snapshot is left untouched. */
  readonly dryRun?: boolean;
}

interface Attempt {
  /** nextStartIndex is where the next cycle's Filter should start. */
  readonly nextStartIndex: number;
  readonly explanation?: Explanation;
}

/** Scheduled: the pod was placed (and, unless dryRun, assumed into the snapshot and bound). */
export interface Scheduled extends Attempt {
  readonly outcome: 'Scheduled';
  readonly nodeName: string;
  readonly evaluatedNodes: number;
  readonly feasibleNodes: number;
  /** assumed is the pod as now held by the snapshot (spec.nodeName set); absent on a dry run. */
  readonly assumed?: PodInfo;
  readonly binding?: Binding;
}

/** Unschedulable: no node fits; `message` is the FailedScheduling event text. */
export interface Unschedulable extends Attempt {
  readonly outcome: 'Unschedulable';
  readonly message: string;
  readonly fitError?: FitError;
  readonly unschedulablePlugins: readonly string[];
}

/** SchedulingFailed: a plugin or the input was broken; kube-scheduler would retry with backoff. */
export interface SchedulingFailed extends Attempt {
  readonly outcome: 'Error';
  readonly message: string;
}

/** ScheduleResult is the outcome of one cycle. */
export type ScheduleResult = Scheduled | Unschedulable | SchedulingFailed;

function unschedulable(fitError: FitError, nextStartIndex: number, explanation?: Explanation): Unschedulable {
  const plugins = [...fitError.diagnosis.unschedulablePlugins].sort();
  return { outcome: 'Unschedulable', message: fitError.message, fitError, unschedulablePlugins: plugins, nextStartIndex, explanation };
}

/**
 * schedule runs one scheduling cycle for `pod` against `snapshot`. Filter starts at `startIndex` and the result
 * carries `nextStartIndex`, so a caller that persists it replays identically. On success the pod is assumed into
 * the snapshot (O(1)) and the Binding returned, unless `dryRun`.
 */
export function schedule(pod: Pod | PodInfo, snapshot: ClusterSnapshot, options: ScheduleOptions): ScheduleResult {
  const info = pod instanceof PodInfo ? pod : PodInfo.of(pod);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const explanation = options.explain ? newExplanation() : undefined;
  const all = snapshot.nodes;
  const start = all.length === 0 ? 0 : Math.trunc(options.startIndex ?? 0) % all.length;
  if (all.length === 0) {
    return { outcome: 'Unschedulable', message: ERR_NO_NODES_AVAILABLE, unschedulablePlugins: [], nextStartIndex: start, explanation };
  }

  const state = new CycleState();
  const pre = runPreFilter(profile, state, info, snapshot);
  if (pre.status.code === 'Error') return { outcome: 'Error', message: pre.status.message(), nextStartIndex: start, explanation };
  const plugins = new Set(pre.pluginsWithNodes);
  if (!pre.status.isSuccess()) {
    if (pre.plugin) plugins.add(pre.plugin);
    if (explanation) explanation.preFilter = { plugin: pre.plugin ?? '', reason: pre.status.message() };
    const diagnosis: Diagnosis = { nodeStatuses: new Map(), absentNodesStatus: pre.status, preFilterMessage: pre.status.message(), unschedulablePlugins: plugins };
    return unschedulable(new FitError(all.length, diagnosis), start, explanation);
  }

  const nodes = pre.nodeNames ? [...pre.nodeNames].flatMap((name) => snapshot.get(name) ?? []) : all;
  const absent = pre.nodeNames
    ? Status.unresolvable(`node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`)
    : undefined;
  if (explanation && absent) {
    for (const node of all) {
      if (!pre.nodeNames!.has(node.name)) explanation.filtered.push({ node: node.name, plugin: pre.pluginsWithNodes.join(','), reason: absent.message() });
    }
  }
  const numToFind = profile.score.length === 0 ? 1 : numFeasibleNodesToFind(profile.percentageOfNodesToScore, nodes.length);
  const filtered = findNodesThatPassFilters(profile, state, info, nodes, start, numToFind, explanation);
  const nextStartIndex = (start + filtered.processed) % all.length;
  if (filtered.error) return { outcome: 'Error', message: filtered.error.message, nextStartIndex, explanation };
  if (filtered.feasible.length === 0) {
    for (const p of filtered.rejected.plugins()) plugins.add(p);
    const diagnosis: Diagnosis = { nodeStatuses: filtered.rejected.statuses(), absentNodesStatus: absent, unschedulablePlugins: plugins };
    return unschedulable(new FitError(all.length, diagnosis), nextStartIndex, explanation);
  }

  const host = pickHost(profile, state, info, filtered.feasible, snapshot, options.random, explanation);
  if (typeof host === 'string') return { outcome: 'Error', message: host, nextStartIndex, explanation };
  if (explanation) explanation.nodeName = host.name;
  const evaluated = { evaluatedNodes: filtered.feasible.length + filtered.rejected.total, feasibleNodes: filtered.feasible.length };
  if (options.dryRun) return { outcome: 'Scheduled', nodeName: host.name, ...evaluated, nextStartIndex, explanation };

  const bound = reserveAndBind(profile, state, info, host.name, snapshot);
  if (bound instanceof FitError) return unschedulable(bound, nextStartIndex, explanation);
  if (typeof bound === 'string') return { outcome: 'Error', message: bound, nextStartIndex, explanation };
  return { outcome: 'Scheduled', nodeName: host.name, ...evaluated, ...bound, nextStartIndex, explanation };
}

/** pickHost: a single feasible node is taken as is (no scoring, no draw); otherwise score and selectHost. */
function pickHost(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  feasible: readonly NodeInfo[],
  snapshot: ClusterSnapshot,
  random: RandomSource,
  explanation?: Explanation,
): NodeInfo | string {
  if (feasible.length === 1) return feasible[0];
  const totals = prioritizeNodes(profile, state, pod, feasible, snapshot, explanation);
  if (typeof totals === 'string') return totals;
  return feasible[selectHost(totals, random)];
}
