/** FitError: kube-scheduler's "0/N nodes are available: ..." message (framework.FitError). */
import type { Status } from './framework.js';

/** ERR_NO_NODES_AVAILABLE is kube-scheduler's ErrNoNodesAvailable message. */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** StatusTally counts nodes per rejecting Status (and the plugins behind them) without a per-node allocation. */
export class StatusTally {
  private counts: Map<Status, number> | undefined;
  private readonly pluginNames: string[] = [];
  private last: Status | undefined;
  private lastCount = 0;
  /** total is the number of nodes counted. */
  total = 0;

  /** add counts one node turned away by `plugin` with `status`. */
  add(status: Status, plugin: string): void {
    this.total++;
    // Rejections come in runs of the same (cached) Status, so most adds touch no map.
    if (status === this.last) {
      this.lastCount++;
      return;
    }
    this.flush();
    this.last = status;
    this.lastCount = 1;
    if (!this.pluginNames.includes(plugin)) this.pluginNames.push(plugin);
  }

  /** statuses maps each rejecting Status to the number of nodes it turned away. */
  statuses(): ReadonlyMap<Status, number> {
    this.flush();
    return (this.counts ??= new Map());
  }

  /** plugins names the plugins that turned nodes away. */
  plugins(): readonly string[] {
    return this.pluginNames;
  }

  private flush(): void {
    if (this.last) {
      this.counts ??= new Map();
      this.counts.set(this.last, (this.counts.get(this.last) ?? 0) + this.lastCount);
    }
    this.last = undefined;
    this.lastCount = 0;
  }
}

/** Diagnosis records why nodes were turned away during one attempt (framework.Diagnosis). */
export interface Diagnosis {
  /** nodeStatuses maps each rejecting Status to the number of nodes Filter (or Reserve) turned away with it. */
  readonly nodeStatuses: ReadonlyMap<Status, number>;
  /** absentNodesStatus applies to every node without an entry: outside a PreFilterResult, or all after a PreFilter rejection. */
  readonly absentNodesStatus?: Status;
  /** preFilterMessage is set when PreFilter rejected the pod; it replaces the per-node histogram. */
  readonly preFilterMessage?: string;
  /** unschedulablePlugins names the plugins that rejected the pod somewhere. */
  readonly unschedulablePlugins: ReadonlySet<string>;
}

/** fitErrorMessage counts reasons over nodes, `"<count> <reason>"` sorted as strings, as FitError.Error(). */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let message = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMessage) return `${message} ${d.preFilterMessage}.`;
  const reasons = new Map<string, number>();
  const count = (reason: string, n: number): void => void reasons.set(reason, (reasons.get(reason) ?? 0) + n);
  let explicit = 0;
  for (const [status, n] of d.nodeStatuses) {
    explicit += n;
    for (const reason of status.reasons) count(reason, n);
  }
  const absent = numAllNodes - explicit;
  if (absent > 0 && d.absentNodesStatus) for (const reason of d.absentNodesStatus.reasons) count(reason, absent);
  const histogram = [...reasons].map(([reason, n]) => `${n} ${reason}`).sort();
  if (histogram.length > 0) message += ` ${histogram.join(', ')}.`;
  return message;
}

/** FitError says no node fits the pod, and why. */
export class FitError {
  constructor(
    readonly numAllNodes: number,
    readonly diagnosis: Diagnosis,
  ) {}

  /** message is the FailedScheduling text, without the preemption sentence. */
  get message(): string {
    return fitErrorMessage(this.numAllNodes, this.diagnosis);
  }
}
