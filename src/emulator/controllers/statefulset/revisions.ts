import { getObject, type KubeObject, type ObjectStore, type Pod, type StatefulSet } from '../../kube/index.js';
import type { ControllerAction } from '../controller.js';
import {
  equalRevision, newControllerRevision, nextRevision, revisionsOf, templatePatch, type ControllerRevision,
} from '../helpers/controller-revisions.js';
import { deleteAction } from '../helpers/events.js';
import { fnv32, safeEncodeString } from '../helpers/hash.js';
import { stableJson, clone } from '../helpers/json.js';
import { revisionOfPod } from './identity.js';

/** A StatefulSet's current and update revisions (stateful_set_control.go's getStatefulSetRevisions and truncateHistory). */

/** Revisions are the set's history, which revisions its pods should be at, and any write needed to record them. */
export interface Revisions {
  all: ControllerRevision[];
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
  actions: ControllerAction[];
}

/** hashRevision is history.HashControllerRevision: FNV-32 over the recorded patch, then the collision count's digits. */
export function hashRevision(data: ControllerRevision['data'], collisionCount: number): string {
  return safeEncodeString(String(fnv32(`${stableJson(data)}${collisionCount}`)));
}

function candidate(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const data = templatePatch(set.spec.template);
  return newControllerRevision(set, set.spec.template.metadata?.labels, data, revision, hashRevision(data, collisionCount));
}

/** statefulSetRevisions finds or records the revision of the set's template, rolling back to an equal older one when there is. */
export function statefulSetRevisions(set: StatefulSet, store: ObjectStore): Revisions {
  const all = revisionsOf(store, set);
  let collisionCount = set.status?.collisionCount ?? 0;
  let update = candidate(set, nextRevision(all), collisionCount);
  const equal = all.filter((r) => equalRevision(r, update));
  const actions: ControllerAction[] = [];
  if (equal.length > 0 && all[all.length - 1] === equal[equal.length - 1]) {
    update = all[all.length - 1];
  } else if (equal.length > 0) {
    const rolledBack = clone(equal[equal.length - 1]);
    rolledBack.revision = update.revision;
    actions.push({ type: 'update', object: rolledBack as unknown as KubeObject });
    update = rolledBack;
  } else {
    // A revision of that name with other data is a hash collision: count it and hash again.
    const stored = (name?: string) => getObject(store, 'ControllerRevision', set.metadata.namespace, name ?? '') as unknown as ControllerRevision | undefined;
    let taken = stored(update.metadata.name);
    while (taken && !equalRevision(taken, update)) {
      update = candidate(set, update.revision, ++collisionCount);
      taken = stored(update.metadata.name);
    }
    if (taken) update = taken;
    else actions.push({ type: 'create', object: update as unknown as KubeObject });
  }
  const current = all.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { all, current, update, collisionCount, actions };
}

/** truncateHistory deletes the oldest revisions no pod uses beyond revisionHistoryLimit. */
export function truncateHistory(set: StatefulSet, pods: readonly Pod[], r: Revisions): ControllerAction[] {
  const live = new Set([r.current.metadata.name, r.update.metadata.name, ...pods.map(revisionOfPod)]);
  const history = r.all.filter((rev) => !live.has(rev.metadata.name));
  const limit = set.spec.revisionHistoryLimit ?? 10;
  return history.slice(0, Math.max(0, history.length - limit)).map((rev) => deleteAction(rev as unknown as KubeObject));
}
