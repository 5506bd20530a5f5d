import type { Deployment, DeploymentStatus } from '../../kube/index.js';
import type { ControllerAction } from '../controller.js';
import { findCondition, newCondition, removeCondition, setCondition } from '../helpers/conditions.js';
import { statusAction } from '../helpers/events.js';
import { millis, sameJson } from '../helpers/json.js';
import { hasProgressDeadline } from './revisions.js';
import { actualTotal, allOf, maxUnavailable, readyTotal, replicasOf, reportedAvailable, specTotal, type Rollout } from './rollout.js';

/** Deployment status and conditions: sync.go's calculateStatus and progress.go's syncRolloutStatus. */

/** omitZero drops zero counts, as Go's omitempty does when the API server serializes a DeploymentStatus. */
function omitZero(status: DeploymentStatus): DeploymentStatus {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(status)) if (v !== 0 && v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out as DeploymentStatus;
}

/** calculateStatus counts the ReplicaSets' pods and sets the Available condition. */
export function calculateStatus(r: Rollout): DeploymentStatus {
  const { d, newRS, ctx } = r;
  const all = allOf(r);
  const available = reportedAvailable(all);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: actualTotal(all),
    updatedReplicas: newRS ? actualTotal([newRS]) : 0,
    readyReplicas: readyTotal(all),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specTotal(all) - available),
    conditions: [...(d.status?.conditions ?? [])],
    collisionCount: d.status?.collisionCount,
  };
  const enough = available >= replicasOf(d) - maxUnavailable(d);
  const availability = enough
    ? newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', ctx.now)
    : newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', ctx.now);
  status.conditions = setCondition(status.conditions, availability);
  return status;
}

/** deploymentComplete: every desired replica is updated and available, no old pods remain, the generation is observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus | undefined): boolean {
  const want = replicasOf(d);
  return status?.updatedReplicas === want && status.replicas === want && status.availableReplicas === want && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** deploymentProgressing: more updated, ready or available pods than last observed, or fewer old ones. */
function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** deploymentTimedOut: the last progress is older than progressDeadlineSeconds. */
function deploymentTimedOut(d: Deployment, next: DeploymentStatus, now: string): boolean {
  const condition = findCondition(next.conditions, 'Progressing');
  if (!condition || condition.reason === 'NewReplicaSetAvailable') return false;
  if (condition.reason === 'ProgressDeadlineExceeded') return true;
  return millis(condition.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < millis(now);
}

/** rolloutStatus is syncRolloutStatus's new status: counts, Available, and Progressing as the rollout stands. */
export function rolloutStatus(r: Rollout): DeploymentStatus {
  const { d, newRS, ctx } = r;
  const status = calculateStatus(r);
  if (!hasProgressDeadline(d)) status.conditions = removeCondition(status.conditions, 'Progressing');
  const current = findCondition(d.status?.conditions, 'Progressing');
  const complete = status.replicas === status.updatedReplicas && current?.reason === 'NewReplicaSetAvailable';
  if (!hasProgressDeadline(d) || complete) return status;
  const rsName = newRS?.metadata.name;
  if (deploymentComplete(d, status)) {
    const message = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
    status.conditions = setCondition(status.conditions, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', message, ctx.now));
  } else if (deploymentProgressing(d, status)) {
    const message = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
    const condition = newCondition('Progressing', 'True', 'ReplicaSetUpdated', message, ctx.now);
    // Progress refreshes lastUpdateTime even when the reason stays the same, so the deadline restarts.
    if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
    status.conditions = setCondition(removeCondition(status.conditions, 'Progressing'), condition);
  } else if (deploymentTimedOut(d, status, ctx.now)) {
    const message = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
    status.conditions = setCondition(status.conditions, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', message, ctx.now));
  }
  return status;
}

/** writeStatus emits the status only when it differs from the stored one. */
export function writeStatus(d: Deployment, status: DeploymentStatus): ControllerAction[] {
  const next = omitZero(status);
  return sameJson(next, d.status ?? {}) ? [] : [statusAction(d, next)];
}

/** pausedConditions is checkPausedConditions: Progressing Unknown while paused, and once more when resumed. */
export function pausedConditions(d: Deployment, now: string): ControllerAction[] {
  if (!hasProgressDeadline(d)) return [];
  const current = findCondition(d.status?.conditions, 'Progressing');
  if (current?.reason === 'ProgressDeadlineExceeded') return [];
  const paused = current?.reason === 'DeploymentPaused';
  let condition;
  if (d.spec.paused && !paused) condition = newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now);
  else if (!d.spec.paused && paused) condition = newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now);
  return condition ? [statusAction(d, { ...d.status, conditions: setCondition(d.status?.conditions, condition) })] : [];
}
