import type { RandomSource } from '../clock/seeded-random.js';
import { ownKeysAre } from '../kube/copy-json.js';
import type { ContainerStatus, Pod, PodCondition, PodStatus } from '../kube/pod.js';
import { containerId, imageId } from './container-ids.js';
import type { PodStage, StageEvent } from './pod-stages.js';
import { creatingStatuses, EMPTY_CONTAINER_STATE, runningState, sharedCondition, sharedHostIps } from './shared-status-parts.js';

/** stageDelayMs is how long a pod waits in virtual time before the stage applies. */
export function stageDelayMs(stage: PodStage, pod: Pod, random: RandomSource): number {
  const { ms, jitterMs = 0, fromPod, atMostMs = Infinity } = stage.delay;
  let fromSpec = 0;
  if (fromPod === 'readinessInitialDelay') {
    fromSpec = Math.max(0, ...pod.spec.containers.map((c) => (c.readinessProbe?.initialDelaySeconds ?? 0) * 1000));
  } else if (fromPod === 'crashBackoff') {
    const restarts = Math.max(0, ...(pod.status?.containerStatuses ?? []).filter((c) => c.state.waiting?.reason === 'CrashLoopBackOff').map((c) => c.restartCount));
    fromSpec = crashBackoffMs(restarts);
  } else if (fromPod === 'terminationGrace') {
    fromSpec = Math.min((pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000, atMostMs);
  }
  // Jitter moves in 100 ms steps, so pods started together land in a handful of instants rather than thousands.
  return ms + fromSpec + (jitterMs > 0 ? random.int(Math.floor(jitterMs / JITTER_STEP_MS) + 1) * JITTER_STEP_MS : 0);
}

/** JITTER_STEP_MS is the resolution of stage jitter. */
export const JITTER_STEP_MS = 100;

/** crashBackoffMs is the kubelet's restart back-off: 10 s, doubling per restart, at most 5 minutes. */
export function crashBackoffMs(restartCount: number): number {
  return Math.min(10_000 * 2 ** restartCount, 300_000);
}

/** fullImage names an image as the container runtime reports it: `nginx` → `docker.io/library/nginx:latest`. */
export function fullImage(image: string): string {
  let full = fullImages.get(image);
  if (full === undefined) {
    const named = image.includes('/') ? (image.split('/')[0].includes('.') ? image : `docker.io/${image}`) : `docker.io/library/${image}`;
    full = /:[^/]+$/.test(named) || named.includes('@') ? named : `${named}:latest`;
    // A cluster runs few images many times: every container shares one string.
    if (fullImages.size < 10_000) fullImages.set(image, full);
  }
  return full;
}

const fullImages = new Map<string, string>();

function condition(type: string, ready: boolean, at: string, containers: string[]): PodCondition {
  return ready ? sharedCondition(type, 'True', at) : sharedCondition(type, 'False', at, 'ContainersNotReady', `containers with unready status: [${containers.join(' ')}]`);
}

/** StageContext is what applying a stage needs beyond the pod: the time, the node's IP and the pod's new IP. */
export interface StageContext {
  readonly at: string;
  readonly hostIp?: string;
  readonly podIp?: string;
  readonly pulledMs?: number;
}

/** nextStatus applies a stage's `next` to a pod's status. */
export function nextStatus(pod: Pod, stage: PodStage, ctx: StageContext): PodStatus {
  const { next } = stage;
  const started = startedStatus(pod.status, next, ctx);
  const status: PodStatus = started ?? { ...(pod.status ?? { phase: 'Pending' }) };
  const names = pod.spec.containers.map((c) => c.name);
  if (next.assignAddresses && ctx.hostIp && ctx.podIp && !started) {
    // Plain stores, not Object.assign: V8 adds known properties to an object far faster than it copies a literal's.
    status.hostIP = ctx.hostIp;
    status.hostIPs = sharedHostIps(ctx.hostIp);
    status.podIP = ctx.podIp;
    status.podIPs = [{ ip: ctx.podIp }];
    status.startTime = ctx.at;
  }
  if (next.containers === 'creating') {
    status.containerStatuses = creatingStatuses(pod.spec.containers);
  }
  if (next.containers === 'running') {
    status.containerStatuses = pod.spec.containers.map((c): ContainerStatus => {
      const image = fullImage(c.image);
      const containerID = containerId(`${pod.metadata.uid}/${c.name}/0`);
      return { name: c.name, state: runningState(ctx.at), lastState: EMPTY_CONTAINER_STATE, ready: next.ready ?? false, started: true, restartCount: 0, image, imageID: imageId(image), containerID };
    });
  }
  if (next.containers === 'restart') {
    status.containerStatuses = (status.containerStatuses ?? []).map((s): ContainerStatus => {
      if (s.state.waiting?.reason !== 'CrashLoopBackOff') return s;
      const restartCount = s.restartCount + 1;
      const containerID = containerId(`${pod.metadata.uid}/${s.name}/${restartCount}`);
      const probed = pod.spec.containers.find((c) => c.name === s.name)?.readinessProbe !== undefined;
      return { ...s, state: runningState(ctx.at), ready: !probed, started: true, restartCount, containerID };
    });
  }
  if (next.ready !== undefined && next.containers !== 'running') {
    status.containerStatuses = (status.containerStatuses ?? []).map((s) => ({ ...s, ready: next.ready! }));
  }
  if (next.phase) status.phase = next.phase;
  const ready = (status.containerStatuses ?? []).length > 0 && status.containerStatuses!.every((s) => s.ready);
  const updates: Partial<Record<ConditionType, PodCondition>> = {};
  if (next.containers === 'creating') {
    updates.PodReadyToStartContainers = sharedCondition('PodReadyToStartContainers', 'True', ctx.at);
    updates.Initialized = sharedCondition('Initialized', 'True', ctx.at);
  }
  if (status.containerStatuses) {
    const unready = status.containerStatuses.filter((s) => !s.ready).map((s) => s.name);
    updates.Ready = condition('Ready', ready, ctx.at, unready.length ? unready : names);
    updates.ContainersReady = condition('ContainersReady', ready, ctx.at, unready.length ? unready : names);
  }
  status.conditions = withConditions(status.conditions ?? [], updates);
  return status;
}

/** SCHEDULED_KEYS are the fields of a pod's status from its creation until the kubelet first writes it, in their order. */
const SCHEDULED_KEYS = ['phase', 'qosClass', 'conditions'] as const;

/**
 * startedStatus is the first status the kubelet writes for a bound pod (addresses, creating containers), built whole
 * in the key order adding the fields one by one gives: an object literal keeps all its fields in the object, where
 * fields added to a copy go to a second block that every later read has to follow. Undefined when the pod's status
 * is not the scheduled one or the stage does something else.
 */
function startedStatus(old: PodStatus | undefined, next: PodStage['next'], ctx: StageContext): PodStatus | undefined {
  if (!old || !next.assignAddresses || next.containers !== 'creating' || !ctx.hostIp || !ctx.podIp || !ownKeysAre(old, SCHEDULED_KEYS)) return undefined;
  return {
    phase: old.phase,
    qosClass: old.qosClass,
    conditions: old.conditions,
    hostIP: ctx.hostIp,
    hostIPs: sharedHostIps(ctx.hostIp),
    podIP: ctx.podIp,
    podIPs: [{ ip: ctx.podIp }],
    startTime: ctx.at,
    containerStatuses: [],
  } as PodStatus;
}

/** CONDITION_ORDER is the order the kubelet lists a pod's conditions in; others come first, as they were. */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'] as const;
type ConditionType = (typeof CONDITION_ORDER)[number];

/** withConditions sets the updated conditions (an unchanged status keeps its old transition time) and lists them in the kubelet's order. */
function withConditions(current: readonly PodCondition[], updates: Partial<Record<ConditionType, PodCondition>>): PodCondition[] {
  const out: PodCondition[] = [];
  const known: Partial<Record<ConditionType, PodCondition>> = {};
  for (const c of current) {
    if ((CONDITION_ORDER as readonly string[]).includes(c.type)) known[c.type as ConditionType] = c;
    else out.push(c);
  }
  for (const type of CONDITION_ORDER) {
    const old = known[type];
    const update = updates[type];
    const chosen = update && !(old && old.status === update.status) ? update : old;
    if (chosen) out.push(chosen);
  }
  return out;
}

/** stageEvents renders a stage's Kubernetes Events for a pod. */
export function stageEvents(pod: Pod, events: readonly StageEvent[], pulledMs = 0): Array<{ type: string; reason: string; message: string; fieldPath?: string }> {
  const pulled = `${(pulledMs / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
  return events.flatMap((e) =>
    (e.perContainer ? pod.spec.containers : [undefined]).map((c) => ({
      type: e.type,
      reason: e.reason,
      message: e.message.replace('{image}', c?.image ?? '').replace('{container}', c?.name ?? '').replace('{pulled}', `${pulled} (${pulled} including waiting)`),
      ...(c ? { fieldPath: `spec.containers{${c.name}}` } : {}),
    })),
  );
}

/** crashedStatus is a pod's status after one of its containers exits: back-off to a restart, or Failed under restartPolicy Never. */
export function crashedStatus(pod: Pod, container: string, exitCode: number, at: string): PodStatus {
  const policy = pod.spec.restartPolicy ?? 'Always';
  const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  const status: PodStatus = { ...(pod.status ?? { phase: 'Pending' }) };
  status.containerStatuses = (status.containerStatuses ?? []).map((s): ContainerStatus => {
    if (s.name !== container) return s;
    const terminated = { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: s.state.running?.startedAt, finishedAt: at, containerID: s.containerID };
    if (!restart) return { ...s, state: { terminated }, ready: false, started: false };
    const message = `back-off ${crashBackoffMs(s.restartCount) / 1000}s restarting failed container=${container} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    return { ...s, state: { waiting: { reason: 'CrashLoopBackOff', message } }, lastState: { terminated }, ready: false, started: false };
  });
  if (!restart && status.containerStatuses.every((s) => s.state.terminated)) {
    status.phase = status.containerStatuses.every((s) => s.state.terminated!.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  const unready = status.containerStatuses.filter((s) => !s.ready).map((s) => s.name);
  status.conditions = (status.conditions ?? []).map((c) =>
    (c.type === 'Ready' || c.type === 'ContainersReady') && unready.length > 0
      ? { type: c.type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]`, lastProbeTime: null, lastTransitionTime: at }
      : c,
  );
  return status;
}
