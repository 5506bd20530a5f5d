/** FitError: kube-scheduler's "0/N nodes are available: ..." message (framework.FitError). */
import type { Status } from './framework.js';

/** ERR_NO_NODES_AVAILABLE is kube-scheduler's ErrNoNodesAvailable message. */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** Diagnosis records why nodes were turned away during one attempt (framework.Diagnosis). */
export interface Diagnosis {
  /** nodeStatuses holds one rejecting Status per node that Filter (or Reserve) turned away. */
  readonly nodeStatuses: readonly Status[];
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
  const byStatus = new Map<Status, number>();
  for (const status of d.nodeStatuses) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  const reasons = new Map<string, number>();
  const count = (reason: string, n: number): void => void reasons.set(reason, (reasons.get(reason) ?? 0) + n);
  for (const [status, n] of byStatus) for (const reason of status.reasons) count(reason, n);
  const absent = numAllNodes - d.nodeStatuses.length;
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
