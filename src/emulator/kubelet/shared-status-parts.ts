import { deepFreeze } from '../kube/copy-json.js';
import type { Container, ContainerState, ContainerStatus, PodCondition } from '../kube/pod.js';

/**
 * Parts of pod statuses that many pods hold alike — the conditions of one kubelet pass, a waiting state, an empty
 * lastState, a node's hostIPs — are made once and shared, frozen. A cluster of 150,000 pods otherwise keeps 150,000
 * copies of each, and every copy survives into the old generation. Nothing writes into a stored status in place (a
 * status is replaced whole; API patches work on a copy); freezing makes any code that tries fail loudly.
 */

/** EMPTY_CONTAINER_STATE is `{}`: a container's lastState before it ever terminated. */
export const EMPTY_CONTAINER_STATE: ContainerState = deepFreeze({});

/** conditionsAt holds the conditions made for one instant (a kubelet pass writes hundreds of pods at one `at`). */
let conditionsAt = { at: '', byKey: new Map<string, PodCondition>() };

/** sharedCondition is a pod condition as the kubelet or scheduler writes it at `at`, shared by every pod written alike then. */
export function sharedCondition(type: string, status: 'True' | 'False', at: string, reason?: string, message?: string): PodCondition {
  if (conditionsAt.at !== at) conditionsAt = { at, byKey: new Map() };
  const key = `${type}\u0000${status}\u0000${reason ?? ''}\u0000${message ?? ''}`;
  let condition = conditionsAt.byKey.get(key);
  if (!condition) {
    condition = deepFreeze(reason === undefined ? { type, status, lastProbeTime: null, lastTransitionTime: at } : { type, status, reason, message, lastProbeTime: null, lastTransitionTime: at });
    conditionsAt.byKey.set(key, condition);
  }
  return condition;
}

/** runningAt is the running state of containers started at one instant. */
let runningAt: ContainerState = deepFreeze({ running: { startedAt: '' } });

/** runningState is `{ running: { startedAt: at } }`, shared by the containers started at `at`. */
export function runningState(at: string): ContainerState {
  if (runningAt.running?.startedAt !== at) runningAt = deepFreeze({ running: { startedAt: at } });
  return runningAt;
}

const KEPT = 10_000;
const creating = new Map<string, readonly ContainerStatus[]>();
const hostIps = new Map<string, Array<{ ip: string }>>();

/** creatingStatuses is the containerStatuses of a pod whose containers are being created: the same for every pod of a template. */
export function creatingStatuses(containers: readonly Container[]): ContainerStatus[] {
  const key = containers.map((c) => `${c.name}\u0000${c.image}`).join('\u0000');
  let statuses = creating.get(key);
  if (!statuses) {
    statuses = deepFreeze(
      containers.map((c): ContainerStatus => ({
        name: c.name, state: { waiting: { reason: 'ContainerCreating' } }, lastState: EMPTY_CONTAINER_STATE, ready: false, started: false, restartCount: 0, image: c.image, imageID: '',
      })),
    );
    if (creating.size >= KEPT) creating.clear();
    creating.set(key, statuses);
  }
  return statuses as ContainerStatus[];
}

/** sharedHostIps is a pod's status.hostIPs on the node with this IP, shared by the node's pods. */
export function sharedHostIps(hostIp: string): Array<{ ip: string }> {
  let ips = hostIps.get(hostIp);
  if (!ips) {
    ips = deepFreeze([{ ip: hostIp }]);
    if (hostIps.size >= KEPT * 10) hostIps.clear();
    hostIps.set(hostIp, ips);
  }
  return ips;
}
