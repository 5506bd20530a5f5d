/** The pod table, computed as kubectl's printPod does (STATUS reasons, READY, RESTARTS with "(5m ago)"). */
import { timestampSince } from './human-duration.js';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer, type TableRowCondition } from './table.js';

type Terminated = { exitCode?: number; signal?: number; reason?: string; finishedAt?: string };
type State = { waiting?: { reason?: string }; running?: object; terminated?: Terminated };
type Status = { name: string; state?: State; lastState?: State; ready?: boolean; started?: boolean; restartCount?: number };
type Condition = { type: string; status: string; reason?: string };

/** PrintablePod is the part of a pod the printer reads. */
export interface PrintablePod {
  metadata: { name?: string; creationTimestamp?: string; deletionTimestamp?: string };
  spec?: {
    containers?: Array<{ name: string }>;
    initContainers?: Array<{ name: string; restartPolicy?: string }>;
    nodeName?: string;
    readinessGates?: Array<{ conditionType: string }>;
  };
  status?: {
    phase?: string;
    reason?: string;
    podIP?: string;
    podIPs?: Array<{ ip: string }>;
    nominatedNodeName?: string;
    conditions?: Condition[];
    initContainerStatuses?: Status[];
    containerStatuses?: Status[];
  };
}

const later = (a: string | undefined, b: string | undefined): string | undefined => (!a ? b : !b ? a : Date.parse(b) > Date.parse(a) ? b : a);

const exitReason = (t: Terminated, prefix: string): string => (t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode ?? 0}`);

/** podStatusReason is the STATUS cell plus the READY, RESTARTS and last-restart figures it is computed with. */
export function podStatusReason(pod: PrintablePod): { reason: string; ready: number; total: number; restarts: number; lastRestart?: string } {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const restartable = new Set((spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const total = (spec.containers ?? []).length + restartable.size;
  let reason = status.reason || status.phase || '';
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  let ready = 0;
  let restarts = 0;
  let lastRestart: string | undefined;
  let sidecarRestarts = 0;
  let sidecarLast: string | undefined;
  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
    const isSidecar = restartable.has(c.name);
    if (isSidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      sidecarLast = later(sidecarLast, c.lastState?.terminated?.finishedAt);
    }
    const t = c.state?.terminated;
    const waiting = c.state?.waiting?.reason;
    if (t && (t.exitCode ?? 0) === 0) continue;
    if (isSidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (t) reason = t.reason ? `Init:${t.reason}` : exitReason(t, 'Init:');
    else if (waiting && waiting !== 'PodInitializing') reason = `Init:${waiting}`;
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    initializing = true;
    break;
  }
  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = sidecarLast;
    let hasRunning = false;
    const containers = status.containerStatuses ?? [];
    for (let i = containers.length - 1; i >= 0; i--) {
      const c = containers[i];
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
      const t = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (t?.reason) reason = t.reason;
      else if (t) reason = exitReason(t, '');
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  return { reason, ready, total, restarts, lastRestart };
}

function readinessGates(pod: PrintablePod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const passed = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${passed}/${gates.length}`;
}

const COMPLETED: Record<string, TableRowCondition[]> = {
  Succeeded: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
  Failed: [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }],
};

/** POD_PRINTER prints NAME READY STATUS RESTARTS AGE, and wide IP NODE NOMINATED NODE READINESS GATES. */
export const POD_PRINTER: Printer<PrintablePod> = {
  columns: [
    NAME_COLUMN,
    column('Ready'),
    column('Status'),
    column('Restarts'),
    AGE_COLUMN,
    column('IP', { wide: true }),
    column('Node', { wide: true }),
    column('Nominated Node', { wide: true }),
    column('Readiness Gates', { wide: true }),
  ],
  cells(pod, now) {
    const s = podStatusReason(pod);
    const restarts = s.restarts !== 0 && s.lastRestart ? `${s.restarts} (${timestampSince(s.lastRestart, now)} ago)` : String(s.restarts);
    const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
    return [
      pod.metadata.name ?? '',
      `${s.ready}/${s.total}`,
      s.reason,
      restarts,
      timestampSince(pod.metadata.creationTimestamp, now),
      ip,
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
  conditions: (pod) => COMPLETED[pod.status?.phase ?? ''],
};
