import { listObjects, matchesSelector, type Pod, type StatefulSet } from '../../kube/index.js';
import type { Controller, ControllerAction, ControllerContext } from '../controller.js';
import { statusAction } from '../helpers/events.js';
import { sameJson } from '../helpers/json.js';
import { claimObjects, objectsOf } from '../helpers/owners.js';
import { isMemberOf } from './identity.js';
import { statefulSetRevisions, truncateHistory } from './revisions.js';
import { statefulSetStatus } from './status.js';
import { updateStatefulSet } from './update.js';

/** The StatefulSet controller (stateful_set.go and stateful_set_control.go), one step per set per reconcile. */

/** syncStatefulSet claims the set's pods, records its revision, moves its pods one step, and reports status when they rest. */
export function syncStatefulSet(set: StatefulSet, ctx: ControllerContext): ControllerAction[] {
  const claim = claimObjects<Pod>(ctx.store, 'Pod', set, ({ object }) => isMemberOf(set, object) && matchesSelector(set.spec.selector, object.metadata.labels));
  if (claim.actions.length > 0) return claim.actions;
  const owned = objectsOf(claim.owned);
  const revisions = statefulSetRevisions(set, ctx.store);
  if (revisions.actions.length > 0) {
    const counted = revisions.collisionCount === (set.status?.collisionCount ?? 0);
    return counted ? revisions.actions : [...revisions.actions, statusAction(set, { replicas: 0, ...set.status, collisionCount: revisions.collisionCount })];
  }
  const actions = updateStatefulSet(set, owned, revisions, ctx);
  if (actions.length > 0) return actions;
  const status = statefulSetStatus(set, owned, revisions, ctx.now);
  return [...(sameJson(status, set.status ?? {}) ? [] : [statusAction(set, status)]), ...truncateHistory(set, owned, revisions)];
}

/** StatefulSetController keeps `<set>-<ordinal>` pods with their claims, in order. */
export class StatefulSetController implements Controller {
  readonly name = 'statefulset';

  reconcile(ctx: ControllerContext): ControllerAction[] {
    return listObjects<StatefulSet>(ctx.store, 'StatefulSet').flatMap((set) => (set.metadata.deletionTimestamp ? [] : syncStatefulSet(set, ctx)));
  }
}
