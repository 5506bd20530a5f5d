import { getObject, listObjects, type Deployment, type KubeObject, type ObjectStore, type Pod } from '../kube/index.js';
import { controlledGroups, type IndexedObject } from '../kube/store-index.js';
import { findCondition } from './helpers/conditions.js';
import { millis } from './helpers/json.js';
import { controllerOf } from './helpers/owners.js';
import { podFacts } from './helpers/pod-facts.js';

/** When the controllers need to run again although nothing in the store changes: time alone makes a pod available or a rollout late. */

type Owner = KubeObject & { spec?: { minReadySeconds?: number } };

/** minReadySecondsOf is the minReadySeconds of the workload controlling a pod (0 when none). */
function minReadySecondsOf(store: ObjectStore, pod: Pod): number {
  const ref = controllerOf(pod);
  if (!ref) return 0;
  const owner = getObject<Owner>(store, ref.kind, pod.metadata.namespace, ref.name);
  return owner?.metadata.uid === ref.uid ? owner.spec?.minReadySeconds ?? 0 : 0;
}

/**
 * waitsForMinReady says whether any pod of a group (one namespace, one controller uid) may have a minReadySeconds.
 * Uids are unique: once the first pod's reference finds its owner, no other reference with that uid finds another one.
 */
function waitsForMinReady(store: ObjectStore, pods: readonly IndexedObject<Pod>[]): boolean {
  const first = pods[0]?.object;
  const ref = first && controllerOf(first);
  if (!ref) return false;
  const owner = getObject<Owner>(store, ref.kind, first.metadata.namespace, ref.name);
  return owner?.metadata.uid !== ref.uid || (owner.spec?.minReadySeconds ?? 0) > 0;
}

/** controllersWakeAt is the earliest time after now when a reconcile would decide differently: a ready pod passing its workload's minReadySeconds, or a Deployment's progress deadline. */
export function controllersWakeAt(store: ObjectStore, now: string): string | undefined {
  const current = millis(now);
  let next = Infinity;
  const consider = (t: number): void => {
    if (t > current && t < next) next = t;
  };
  for (const group of controlledGroups<Pod>(store, 'Pod')) {
    const pods = group.list();
    if (!waitsForMinReady(store, pods)) continue;
    for (const entry of pods) {
      const facts = podFacts(entry);
      if (!facts.active || !facts.ready) continue;
      const minReady = minReadySecondsOf(store, entry.object);
      // Available means ready for strictly longer than minReadySeconds, hence the extra millisecond.
      if (minReady > 0) consider(facts.readySince + minReady * 1000 + 1);
    }
  }
  for (const d of listObjects<Deployment>(store, 'Deployment')) {
    const progressing = findCondition(d.status?.conditions, 'Progressing');
    if (d.spec.progressDeadlineSeconds === undefined || d.spec.paused || progressing?.status !== 'True' || progressing.reason === 'NewReplicaSetAvailable') continue;
    consider(millis(progressing.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 + 1);
  }
  return next === Infinity ? undefined : new Date(next).toISOString();
}
