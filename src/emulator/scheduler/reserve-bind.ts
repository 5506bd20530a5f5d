/** Assume, Reserve and Bind: the tail of a scheduling cycle and the binding cycle (schedule_one.go). */
import { FitError } from './fit-error.js';
import type { Binding, CycleState } from './framework.js';
import type { ClusterSnapshot } from './cluster-snapshot.js';
import type { PodInfo } from './pod-info.js';
import type { Profile } from './profile.js';

/** Bound is a pod assumed into the snapshot and the Binding its binder produced. */
export interface Bound {
  readonly assumed: PodInfo;
  readonly binding?: Binding;
}

function forget(profile: Profile, state: CycleState, assumed: PodInfo, nodeName: string, snapshot: ClusterSnapshot): void {
  for (let i = profile.reserve.length - 1; i >= 0; i--) profile.reserve[i].unreserve(state, assumed, nodeName, snapshot);
  snapshot.removePod(assumed.key);
}

/** reserveAndBind assumes the pod, runs Reserve then Bind; on failure it unreserves and forgets the pod. */
export function reserveAndBind(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  nodeName: string,
  snapshot: ClusterSnapshot,
): Bound | FitError | string {
  let assumed: PodInfo;
  try {
    assumed = snapshot.assume(pod, nodeName);
  } catch (error) {
    return `assuming pod: ${(error as Error).message}`;
  }
  for (const pl of profile.reserve) {
    const status = pl.reserve(state, assumed, nodeName, snapshot);
    if (status.isSuccess()) continue;
    forget(profile, state, assumed, nodeName, snapshot);
    if (status.isRejected()) return new FitError(1, { nodeStatuses: new Map([[status, 1]]), unschedulablePlugins: new Set([pl.name]) });
    return `running Reserve plugin "${pl.name}": ${status.message()}`;
  }
  for (const pl of profile.bind) {
    const result = pl.bind(state, assumed, nodeName);
    if (result.status.code === 'Skip') continue;
    if (result.status.isSuccess()) return { assumed, binding: result.binding };
    forget(profile, state, assumed, nodeName, snapshot);
    return `running Bind plugin "${pl.name}": ${result.status.message()}`;
  }
  forget(profile, state, assumed, nodeName, snapshot);
  return 'no Bind plugin bound the pod';
}
