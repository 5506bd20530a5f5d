import { getObject, listObjects, type Deployment, type KubeObject, type ObjectStore, type Pod } from '../kube/index.js';
import { findCondition } from './helpers/conditions.js';
import { millis } from './helpers/json.js';
import { controllerOf } from './helpers/owners.js';
import { isPodActive, isPodReady, readyCondition } from './helpers/pods.js';

/** When the controllers need to run again although nothing in the store changes: time alone makes a pod available or a rollout late. */

/** minReadySecondsOf is the minReadySeconds of the workload controlling a pod (0 when none). */
function minReadySecondsOf(store: ObjectStore, pod: Pod): number {
  const ref = controllerOf(pod);
  if (!ref) return 0;
  const owner = getObject<KubeObject & { spec?: { minReadySeconds?: number } }>(store, ref.kind, pod.metadata.namespace, ref.name);
  return owner?.metadata.uid === ref.uid ? owner.spec?.minReadySeconds ?? 0 : 0;
}

/** controllersWakeAt is the earliest time after now when a reconcile would decide differently: a ready pod passing its workload's minReadySeconds, or a Deployment's progress deadline. */
export function controllersWakeAt(store: ObjectStore, now: string): string | undefined {
  const current = millis(now);
  const due: number[] = [];
  for (const pod of listObjects<Pod>(store, 'Pod')) {
    if (!isPodActive(pod) || !isPodReady(pod)) continue;
    const minReady = minReadySecondsOf(store, pod);
    // Available means ready for strictly longer than minReadySeconds, hence the extra millisecond.
    if (minReady > 0) due.push(millis(readyCondition(pod)?.lastTransitionTime) + minReady * 1000 + 1);
  }
  for (const d of listObjects<Deployment>(store, 'Deployment')) {
    const progressing = findCondition(d.status?.conditions, 'Progressing');
    if (d.spec.progressDeadlineSeconds === undefined || d.spec.paused || progressing?.status !== 'True' || progressing.reason === 'NewReplicaSetAvailable') continue;
    due.push(millis(progressing.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 + 1);
  }
  const next = due.filter((t) => !Number.isNaN(t) && t > current).sort((a, b) => a - b)[0];
  return next === undefined ? undefined : new Date(next).toISOString();
}
