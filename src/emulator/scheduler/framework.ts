/** The scheduling framework's extension points, in miniature: kube-scheduler's pkg/scheduler/framework. */
import type { ObjectMeta, ObjectReference } from '../kube/index.js';
import type { ClusterSnapshot } from './cluster-snapshot.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';

/** ScoreTotals holds each node's weighted score total, by the node's index in the list being scored (a reused Float64Array in a cycle). */
export type ScoreTotals = { [node: number]: number };

/** MAX_NODE_SCORE is the highest score a Score plugin gives a node after NormalizeScore. */
export const MAX_NODE_SCORE = 100;

/** Code is what a plugin decided, as kube-scheduler's framework.Code. */
export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip';

/** Status is a plugin's verdict: a code and the human reasons behind it ("Insufficient cpu"), never a boolean. */
export class Status {
  private constructor(
    readonly code: Code,
    readonly reasons: readonly string[],
  ) {}

  /** success is the one Status every passing plugin returns, so the hot path allocates nothing. */
  static readonly success = new Status('Success', []);
  /** skip tells the framework this plugin has nothing to do for the pod at the later extension points. */
  static readonly skip = new Status('Skip', []);

  /** of builds a Status with the given code and reasons. */
  static of(code: Code, ...reasons: string[]): Status {
    return new Status(code, Object.freeze(reasons));
  }

  /** unschedulable: the node does not fit now, but preemption or churn could change that. */
  static unschedulable(...reasons: string[]): Status {
    return Status.of('Unschedulable', ...reasons);
  }

  /** unresolvable: the node cannot fit this pod whatever happens to other pods. */
  static unresolvable(...reasons: string[]): Status {
    return Status.of('UnschedulableAndUnresolvable', ...reasons);
  }

  /** error: something is wrong with the input or the plugin; the whole attempt fails. */
  static error(message: string): Status {
    return Status.of('Error', message);
  }

  /** isSuccess says whether the plugin let the pod through. */
  isSuccess(): boolean {
    return this.code === 'Success';
  }

  /** isRejected says whether the pod was turned away (Unschedulable or UnschedulableAndUnresolvable). */
  isRejected(): boolean {
    return this.code === 'Unschedulable' || this.code === 'UnschedulableAndUnresolvable';
  }

  /** message joins the reasons as kube-scheduler's Status.Message does. */
  message(): string {
    return this.reasons.join(', ');
  }
}

/** StateKey names one slot of the CycleState; the plugin that creates it owns it. */
export class StateKey<T> {
  private static issued = 0;
  /** id indexes the slot; keys are module constants, so ids are the same on every run. */
  readonly id = StateKey.issued++;
  declare private readonly phantom: T;

  constructor(readonly name: string) {}
}

/** CycleState holds what plugins precompute for one pod during one scheduling cycle. */
export class CycleState {
  private readonly slots: unknown[] = [];
  /** skipFilter names plugins whose PreFilter returned Skip; their Filter is not run. */
  readonly skipFilter: string[] = [];
  /** skipScore names plugins whose PreScore returned Skip; their Score is not run. */
  readonly skipScore: string[] = [];

  /** write stores a plugin's data under its key. */
  write<T>(key: StateKey<T>, value: T): void {
    this.slots[key.id] = value;
  }

  /** has says whether a plugin's data was written this cycle. */
  has<T>(key: StateKey<T>): boolean {
    return this.slots[key.id] !== undefined;
  }

  /** read returns a plugin's data; a missing slot is a framework error, as in kube-scheduler. */
  read<T>(key: StateKey<T>): T {
    const value = this.slots[key.id];
    if (value === undefined) throw new Error(`error reading "${key.name}" from cycleState: not found`);
    return value as T;
  }
}

/** Plugin is anything registered under a name. */
export interface Plugin {
  readonly name: string;
}

/** PreFilterResult restricts the nodes Filter looks at (NodeAffinity's matchFields on metadata.name). */
export interface PreFilterResult {
  readonly nodeNames: ReadonlySet<string>;
}

/** PreFilterPlugin precomputes per-pod data once per cycle, or rejects the pod outright, or returns Skip. */
export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, snapshot: ClusterSnapshot): Status | PreFilterResult;
}

/** FilterPlugin decides whether one node can run the pod. */
export interface FilterPlugin extends Plugin {
  /** nodeLocal: the verdict depends only on the pod's requests and the node's own NodeInfo (see score-memo.ts). */
  readonly nodeLocal?: boolean;
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status;
}

/** ScorePlugin ranks feasible nodes; preScore may precompute or Skip, normalizeScore rescales to 0-100. */
export interface ScorePlugin extends Plugin {
  /**
   * nodeLocal: the score depends only on the pod's requests and the node's own NodeInfo (no cycle state, no other
   * node, no normalizing), so the framework may remember it while neither changes (see score-memo.ts).
   */
  readonly nodeLocal?: boolean;
  preScore?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], snapshot: ClusterSnapshot): Status;
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** addScores, when present, adds weight × score(node) into totals[i] for every node: score in one tight loop, same results. */
  addScores?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], weight: number, totals: ScoreTotals): void;
  normalizeScore?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], scores: number[]): void;
  /** addUniformScores, when present, spots the case where every node's normalized score is the same: it adds weight × that score to every total and says so (false: score and normalize as usual). */
  addUniformScores?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], weight: number, totals: ScoreTotals): boolean;
}

/** ReservePlugin claims node-side state for the assumed pod; unreserve gives it back if a later step fails. */
export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: PodInfo, nodeName: string, snapshot: ClusterSnapshot): Status;
  unreserve(state: CycleState, pod: PodInfo, nodeName: string, snapshot: ClusterSnapshot): void;
}

/** Binding is core/v1 Binding: what the scheduler posts to bind a pod to a node. */
export interface Binding {
  apiVersion: 'v1';
  kind: 'Binding';
  metadata: ObjectMeta;
  target: ObjectReference;
}

/** BindResult is a binder's verdict and, on success, the Binding to record. */
export interface BindResult {
  readonly status: Status;
  readonly binding?: Binding;
}

/** BindPlugin binds the pod; the first binder that does not return Skip decides. */
export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: PodInfo, nodeName: string): BindResult;
}

/** isPreFilterPlugin tells a PreFilter plugin from others. */
export const isPreFilterPlugin = (p: Plugin): p is PreFilterPlugin => typeof (p as PreFilterPlugin).preFilter === 'function';
/** isFilterPlugin tells a Filter plugin from others. */
export const isFilterPlugin = (p: Plugin): p is FilterPlugin => typeof (p as FilterPlugin).filter === 'function';
/** isScorePlugin tells a Score plugin from others. */
export const isScorePlugin = (p: Plugin): p is ScorePlugin => typeof (p as ScorePlugin).score === 'function';
/** isReservePlugin tells a Reserve plugin from others. */
export const isReservePlugin = (p: Plugin): p is ReservePlugin => typeof (p as ReservePlugin).reserve === 'function';
/** isBindPlugin tells a Bind plugin from others. */
export const isBindPlugin = (p: Plugin): p is BindPlugin => typeof (p as BindPlugin).bind === 'function';
