import { listObjects, matchesSelector, type Deployment, type ReplicaSet } from '../../kube/index.js';
import type { Controller, ControllerAction, ControllerContext } from '../controller.js';
import { eventAbout, statusAction } from '../helpers/events.js';
import { claimObjects, objectsOf } from '../helpers/owners.js';
import { rolloutRecreate } from './recreate.js';
import { cleanupDeployment, findNewReplicaSet, syncRevision } from './revisions.js';
import { rolloutRolling } from './rolling.js';
import { COMPONENT, type Rollout } from './rollout.js';
import { isScalingEvent, scale } from './scale.js';
import { calculateStatus, pausedConditions, writeStatus } from './status.js';

/** The deployment controller (deployment_controller.go's syncDeployment), one step per Deployment per reconcile. */

/** selectsAll: an empty selector, which Kubernetes refuses to act on. */
const selectsAll = (d: Deployment): boolean => Object.keys(d.spec.selector?.matchLabels ?? {}).length === 0 && (d.spec.selector?.matchExpressions?.length ?? 0) === 0;

/** firstOf returns the first step that has anything to do. */
function firstOf(...steps: Array<() => ControllerAction[]>): ControllerAction[] {
  for (const step of steps) {
    const actions = step();
    if (actions.length > 0) return actions;
  }
  return [];
}

/** sync is the path for paused Deployments and scaling events: resize, clean up, report counts. */
function sync(r: Rollout): ControllerAction[] {
  return firstOf(
    () => syncRevision(r, false),
    () => scale(r),
    () => [...cleanupDeployment(r), ...writeStatus(r.d, calculateStatus(r))],
  );
}

/** syncDeployment is one step of a Deployment: adopt its ReplicaSets, then pause, scale or roll out. */
export function syncDeployment(d: Deployment, ctx: ControllerContext): ControllerAction[] {
  if (selectsAll(d)) {
    if ((d.status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)) return [];
    return [
      eventAbout(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', COMPONENT),
      statusAction(d, { ...d.status, observedGeneration: d.metadata.generation }),
    ];
  }
  const claim = claimObjects<ReplicaSet>(ctx.store, 'ReplicaSet', d, (rs) => matchesSelector(d.spec.selector, rs.object.metadata.labels));
  if (claim.actions.length > 0) return claim.actions;
  const owned = objectsOf(claim.owned);
  const newRS = findNewReplicaSet(d, owned);
  const old = owned.filter((rs) => rs !== newRS);
  const r: Rollout = { d, newRS, old, ctx };
  return firstOf(
    () => pausedConditions(d, ctx.now),
    () => (d.spec.paused || isScalingEvent(r) ? sync(r) : d.spec.strategy?.type === 'Recreate' ? rolloutRecreate(r) : rolloutRolling(r)),
  );
}

/** DeploymentController rolls Deployments out through ReplicaSets named `<deployment>-<pod-template-hash>`. */
export class DeploymentController implements Controller {
  readonly name = 'deployment';

  reconcile(ctx: ControllerContext): ControllerAction[] {
    return listObjects<Deployment>(ctx.store, 'Deployment').flatMap((d) => (d.metadata.deletionTimestamp ? [] : syncDeployment(d, ctx)));
  }
}
