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

/** startOf normalizes a persisted start index onto [0, n). */
function startOf(startIndex: number | undefined, n: number): number {
  const i = Math.trunc(startIndex ?? 0);
  return n === 0 || !Number.isFinite(i) ? 0 : ((i % n) + n) % n;
}

interface Fitting {
  readonly feasible: NodeInfo[];
  /** slots are the feasible nodes' slots in the snapshot's memo table. */
  readonly slots: Int32Array;
  readonly evaluatedNodes: number;
  readonly nextStartIndex: number;
}

/** fitPod runs PreFilter and Filter (findNodesThatFitPod): the feasible nodes, or why there are none. */
function fitPod(profile: Profile, state: CycleState, pod: PodInfo, snapshot: ClusterSnapshot, start: number, explanation?: Explanation): Fitting | ScheduleResult {
  const all = snapshot.nodes;
  const pre = runPreFilter(profile, state, pod, snapshot);
  if (pre.status.code === 'Error') return { outcome: 'Error', message: pre.status.message(), nextStartIndex: start, explanation };
  if (!pre.status.isSuccess()) {
    const plugins = new Set(pre.pluginsWithNodes);
    if (pre.plugin) plugins.add(pre.plugin);
    if (explanation) explanation.preFilter = { plugin: pre.plugin ?? '', reason: pre.status.message() };
    const diagnosis: Diagnosis = { nodeStatuses: new Map(), absentNodesStatus: pre.status, preFilterMessage: pre.status.message(), unschedulablePlugins: plugins };
    return unschedulable(new FitError(all.length, diagnosis), start, explanation);
  }
  const names = pre.nodeNames;
  const nodes = names ? [...names].flatMap((name) => snapshot.get(name) ?? []) : all;
  const absent = names ? Status.unresolvable(`node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`) : undefined;
  if (explanation && names && absent) {
    const plugin = pre.pluginsWithNodes.join(',');
    for (const node of all) if (!names.has(node.name)) explanation.filtered.push({ node: node.name, plugin, reason: absent.message() });
  }
  const numToFind = profile.score.length === 0 ? 1 : numFeasibleNodesToFind(profile.percentageOfNodesToScore, nodes.length);
  const filtered = findNodesThatPassFilters(profile, state, pod, nodes, start, numToFind, nodes === all ? snapshot.memo : undefined, explanation);
  const nextStartIndex = (start + filtered.processed) % all.length;
  if (filtered.error) return { outcome: 'Error', message: filtered.error.message, nextStartIndex, explanation };
  if (filtered.feasible.length === 0) {
    const plugins = new Set(pre.pluginsWithNodes);
    for (const p of filtered.rejected.plugins()) plugins.add(p);
    const diagnosis: Diagnosis = { nodeStatuses: filtered.rejected.statuses(), absentNodesStatus: absent, unschedulablePlugins: plugins };
    return unschedulable(new FitError(all.length, diagnosis), nextStartIndex, explanation);
  }
  return { feasible: filtered.feasible, slots: filtered.slots, evaluatedNodes: filtered.feasible.length + filtered.rejected.total, nextStartIndex };
}

/** schedule runs one cycle from `startIndex`, returning `nextStartIndex`; on success the pod is assumed and bound unless dryRun. */
export function schedule(pod: Pod | PodInfo, snapshot: ClusterSnapshot, options: ScheduleOptions): ScheduleResult {
  const info = pod instanceof PodInfo ? pod : PodInfo.of(pod);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const explanation = options.explain ? newExplanation() : undefined;
  const start = startOf(options.startIndex, snapshot.size);
  if (snapshot.size === 0) {
    return { outcome: 'Unschedulable', message: ERR_NO_NODES_AVAILABLE, unschedulablePlugins: [], nextStartIndex: start, explanation };
  }
  try {
    return cycle(profile, info, snapshot, start, options, explanation);
  } catch (error) {
    // A plugin that throws fails the attempt, as an Error status does in kube-scheduler's framework.
    return { outcome: 'Error', message: (error as Error).message, nextStartIndex: start, explanation };
  }
}

/** cycle is schedule past its guards: fit, pick, reserve, bind. */
function cycle(profile: Profile, info: PodInfo, snapshot: ClusterSnapshot, start: number, options: ScheduleOptions, explanation?: Explanation): ScheduleResult {
  const state = new CycleState();
  const fit = fitPod(profile, state, info, snapshot, start, explanation);
  if ('outcome' in fit) return fit;
  const { feasible, nextStartIndex } = fit;
  const host = pickHost(profile, state, info, feasible, fit.slots, snapshot, options.random, explanation);
  if (typeof host === 'string') return { outcome: 'Error', message: host, nextStartIndex, explanation };
  if (explanation) explanation.nodeName = host.name;
  const { evaluatedNodes } = fit;
  if (options.dryRun) return { outcome: 'Scheduled', nodeName: host.name, evaluatedNodes, feasibleNodes: feasible.length, nextStartIndex, explanation };
  const bound = reserveAndBind(profile, state, info, host.name, snapshot);
  if (bound instanceof FitError) return unschedulable(bound, nextStartIndex, explanation);
  if (typeof bound === 'string') return { outcome: 'Error', message: bound, nextStartIndex, explanation };
  // One literal rather than spreading two objects into one: a spread of several sources takes V8's slow generic path.
  const { assumed, binding } = bound;
  return { outcome: 'Scheduled', nodeName: host.name, evaluatedNodes, feasibleNodes: feasible.length, nextStartIndex, explanation, assumed, binding };
}

/** pickHost: a single feasible node is taken as is (no scoring, no draw); otherwise score and selectHost. */
function pickHost(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  feasible: readonly NodeInfo[],
  slots: Int32Array,
  snapshot: ClusterSnapshot,
  random: RandomSource,
  explanation?: Explanation,
): NodeInfo | string {
  if (feasible.length === 1) return feasible[0];
  const totals = prioritizeNodes(profile, state, pod, feasible, snapshot, explanation, slots);
  if (typeof totals === 'string') return totals;
  return feasible[selectHost(totals, random, feasible.length)];
}
