import type { Deployment, ReplicaSet } from '../../kube/index.js';
import type { ControllerAction, ControllerContext } from '../controller.js';
import { eventAbout } from '../helpers/events.js';
import { scaledValue } from '../helpers/int-or-percent.js';
import { clone, millis } from '../helpers/json.js';

/** What one Deployment's sync works on, and deploymentutil's arithmetic over it (pkg/controller/deployment/util). */

/** COMPONENT is the deployment controller's name in events. */
export const COMPONENT = 'deployment-controller';
/** REVISION numbers a ReplicaSet's place in the rollout history; the Deployment carries its new ReplicaSet's. */
export const REVISION = 'deployment.kubernetes.io/revision';
/** REVISION_HISTORY lists the revisions a ReplicaSet held before a rollback made it new again. */
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
/** DESIRED_REPLICAS is the Deployment's spec.replicas when a ReplicaSet was last sized (tells scaling from rolling). */
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
/** MAX_REPLICAS is spec.replicas + maxSurge when a ReplicaSet was last sized (for proportional scaling). */
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
/** POD_TEMPLATE_HASH is apps.DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** Rollout is one Deployment with the ReplicaSets it controls: the new one (same template) and the old ones. */
export interface Rollout {
  readonly d: Deployment;
  readonly newRS: ReplicaSet | undefined;
  readonly old: readonly ReplicaSet[];
  readonly ctx: ControllerContext;
}

/** replicasOf is spec.replicas with the API default of 1. */
export const replicasOf = (o: { spec: { replicas?: number } }): number => o.spec.replicas ?? 1;

/** allOf is every ReplicaSet of a rollout, the new one last. */
export const allOf = (r: Rollout): ReplicaSet[] => (r.newRS ? [...r.old, r.newRS] : [...r.old]);

/** isRollingUpdate says whether the strategy is RollingUpdate (the default). */
export const isRollingUpdate = (d: Deployment): boolean => (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/** resolveFenceposts resolves maxSurge (rounded up) and maxUnavailable (rounded down); both zero means one unavailable. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const desired = replicasOf(d);
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? 0, desired, true);
  const unavailable = scaledValue(d.spec.strategy?.rollingUpdate?.maxUnavailable ?? 0, desired, false);
  return { surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

/** maxSurge is how many pods above spec.replicas a rolling update may run. */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

/** maxUnavailable is how many of spec.replicas may be unavailable during a rolling update. */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicasOf(d));
}

/** revisionOf reads a ReplicaSet's revision annotation (0 when absent or malformed). */
export function revisionOf(rs: { metadata: { annotations?: Record<string, string> } }): number {
  const value = Number(rs.metadata.annotations?.[REVISION] ?? 0);
  return Number.isInteger(value) ? value : 0;
}

/** specTotal sums spec.replicas (GetReplicaCountForReplicaSets). */
export const specTotal = (sets: readonly ReplicaSet[]): number => sets.reduce((n, rs) => n + replicasOf(rs), 0);
/** actualTotal sums status.replicas (GetActualReplicaCountForReplicaSets). */
export const actualTotal = (sets: readonly ReplicaSet[]): number => sets.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
/** readyTotal sums status.readyReplicas. */
export const readyTotal = (sets: readonly ReplicaSet[]): number => sets.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);

/** availableOf is a ReplicaSet's available pods, never more than it is scaled to (its controller deletes the surplus first). */
export const availableOf = (rs: ReplicaSet): number => Math.min(rs.status?.availableReplicas ?? 0, replicasOf(rs));
/** availableTotal sums availableOf, for decisions that must not overestimate availability. */
export const availableTotal = (sets: readonly ReplicaSet[]): number => sets.reduce((n, rs) => n + availableOf(rs), 0);
/** reportedAvailable sums status.availableReplicas, as the Deployment's status reports it. */
export const reportedAvailable = (sets: readonly ReplicaSet[]): number => sets.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);

/** isActive: the ReplicaSet is scaled above zero (FilterActiveReplicaSets). */
export const isActive = (rs: ReplicaSet): boolean => replicasOf(rs) > 0;

/** byCreation orders ReplicaSets oldest first, by name on ties (ReplicaSetsByCreationTimestamp). */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const diff = millis(a.metadata.creationTimestamp) - millis(b.metadata.creationTimestamp);
  if (diff) return diff;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** withReplicaAnnotations sets desired-replicas and max-replicas on a copy of a ReplicaSet. */
export function withReplicaAnnotations(rs: ReplicaSet, d: Deployment): ReplicaSet {
  const copy = clone(rs);
  copy.metadata.annotations = { ...copy.metadata.annotations, [DESIRED_REPLICAS]: String(replicasOf(d)), [MAX_REPLICAS]: String(replicasOf(d) + maxSurge(d)) };
  return copy;
}

/** needsReplicaAnnotations says whether desired-replicas or max-replicas is stale. */
export function needsReplicaAnnotations(rs: ReplicaSet, d: Deployment): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS] !== String(replicasOf(d)) || a[MAX_REPLICAS] !== String(replicasOf(d) + maxSurge(d));
}

/** scaleReplicaSet is scaleReplicaSet: the new size and replica annotations, and a ScalingReplicaSet event when the size changed. */
export function scaleReplicaSet(rs: ReplicaSet, newScale: number, d: Deployment, operation?: 'up' | 'down'): ControllerAction[] {
  const oldScale = replicasOf(rs);
  if (oldScale === newScale && !needsReplicaAnnotations(rs, d)) return [];
  const copy = withReplicaAnnotations(rs, d);
  copy.spec.replicas = newScale;
  const actions: ControllerAction[] = [{ type: 'update', object: copy }];
  if (oldScale !== newScale) {
    const verb = operation ?? (oldScale < newScale ? 'up' : 'down');
    actions.push(eventAbout(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`, COMPONENT));
  }
  return actions;
}

/** scaleAndRecord is scaleReplicaSetAndRecordEvent: nothing when the size is already right. */
export function scaleAndRecord(rs: ReplicaSet, newScale: number, d: Deployment): ControllerAction[] {
  return replicasOf(rs) === newScale ? [] : scaleReplicaSet(rs, newScale, d);
}
