import type { Deployment, ReplicaSet } from '../../kube/index.js';
import type { ControllerAction } from '../controller.js';
import { byCreation, DESIRED_REPLICAS, isActive, isRollingUpdate, MAX_REPLICAS, maxSurge, replicasOf, scaleAndRecord, scaleReplicaSet, specTotal, type Rollout } from './rollout.js';

/** Scaling a Deployment without rolling it out: sync.go's isScalingEvent and scale, with proportional scaling. */

/** isScalingEvent: an active ReplicaSet was sized for a different spec.replicas than the Deployment now asks for. */
export function isScalingEvent(r: Rollout): boolean {
  return [...r.old, ...(r.newRS ? [r.newRS] : [])].filter(isActive).some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
    return desired !== undefined && Number(desired) !== replicasOf(r.d);
  });
}

/** findActiveOrLatest is the only active ReplicaSet, or the newest when none is active, or undefined when several are. */
function findActiveOrLatest(newRS: ReplicaSet | undefined, old: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && old.length === 0) return undefined;
  const newestFirst = [...old].sort((a, b) => byCreation(b, a));
  const active = [...newestFirst, ...(newRS ? [newRS] : [])].filter(isActive);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** isSaturated: the new ReplicaSet runs all the Deployment's replicas, available, and was sized for them. */
function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = Number(rs.metadata.annotations?.[DESIRED_REPLICAS]);
  return replicasOf(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

/** proportion is GetProportion: this ReplicaSet's share of the replicas to add (or remove), bounded by what is left. */
function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (replicasOf(d) === 0) fraction = -replicasOf(rs);
  else {
    const deploymentReplicas = replicasOf(d) + maxSurge(d);
    const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? d.status?.replicas ?? 0);
    fraction = Math.round((replicasOf(rs) * deploymentReplicas) / (annotated || 1)) - replicasOf(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** proportionalScale spreads a resize over the active ReplicaSets, largest first; leftovers go to the largest. */
function proportionalScale(r: Rollout): ControllerAction[] {
  const { d } = r;
  const active = [...r.old, ...(r.newRS ? [r.newRS] : [])].filter(isActive);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - specTotal(active);
  const direction = toAdd > 0 ? 1 : -1;
  // Same size: scale newer ReplicaSets up first, older ones down first.
  const ordered = [...active].sort((a, b) => replicasOf(b) - replicasOf(a) || direction * byCreation(b, a));
  const sizes = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of ordered) {
    const share = toAdd === 0 ? 0 : proportion(rs, d, toAdd, added);
    sizes.set(rs, replicasOf(rs) + share);
    added += share;
  }
  if (ordered.length > 0 && toAdd !== 0) sizes.set(ordered[0], Math.max(0, sizes.get(ordered[0])! + toAdd - added));
  const operation = toAdd > 0 ? 'up' : 'down';
  return ordered.flatMap((rs) => scaleReplicaSet(rs, sizes.get(rs)!, d, operation));
}

/** scale is sync.go's scale: one active ReplicaSet takes the whole size; a saturated new one retires the old; else proportions. */
export function scale(r: Rollout): ControllerAction[] {
  const { d } = r;
  const only = findActiveOrLatest(r.newRS, r.old);
  if (only) return replicasOf(only) === replicasOf(d) ? [] : scaleAndRecord(only, replicasOf(d), d);
  if (isSaturated(d, r.newRS)) return r.old.filter(isActive).flatMap((rs) => scaleAndRecord(rs, 0, d));
  return isRollingUpdate(d) ? proportionalScale(r) : [];
}
