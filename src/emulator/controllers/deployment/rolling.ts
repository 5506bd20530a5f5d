import type { ReplicaSet } from '../../kube/index.js';
import type { ControllerAction } from '../controller.js';
import { cleanupDeployment, newRSReplicas, syncRevision } from './revisions.js';
import { allOf, availableOf, availableTotal, byCreation, isActive, maxUnavailable, replicasOf, scaleAndRecord, scaleReplicaSet, specTotal, type Rollout } from './rollout.js';
import { deploymentComplete, rolloutStatus, writeStatus } from './status.js';

/** The RollingUpdate strategy (rolling.go): surge the new ReplicaSet, retire old ones without dropping below minimum availability. */

/** reconcileNewReplicaSet scales the new ReplicaSet up as far as maxSurge allows (or down to spec.replicas). */
function reconcileNewReplicaSet(r: Rollout, newRS: ReplicaSet): ControllerAction[] {
  const want = replicasOf(r.d);
  if (replicasOf(newRS) === want) return [];
  if (replicasOf(newRS) > want) return scaleAndRecord(newRS, want, r.d);
  return scaleAndRecord(newRS, newRSReplicas(r.d, allOf(r), newRS), r.d);
}

/** Scaling tracks the sizes decided so far in one pass, so two steps on one ReplicaSet become one update and two events. */
class Scaling {
  private readonly sizes = new Map<string, ReplicaSet>();
  readonly actions: ControllerAction[] = [];

  constructor(private readonly r: Rollout) {}

  current(rs: ReplicaSet): ReplicaSet {
    return this.sizes.get(rs.metadata.name ?? '') ?? rs;
  }

  scaleTo(rs: ReplicaSet, size: number): void {
    const before = this.current(rs);
    const steps = scaleReplicaSet(before, size, this.r.d);
    const update = steps.find((a) => a.type === 'update');
    if (update?.type === 'update') this.sizes.set(rs.metadata.name ?? '', update.object as ReplicaSet);
    this.actions.push(...steps.filter((a) => a.type === 'event'));
  }

  commit(): ControllerAction[] {
    const updates: ControllerAction[] = [...this.sizes.values()].map((object) => ({ type: 'update', object }));
    return this.actions.length === 0 && updates.length === 0 ? [] : [...updates, ...this.actions];
  }
}

/** cleanupUnhealthyReplicas scales old ReplicaSets down by their unavailable pods first, up to maxCleanup. */
function cleanupUnhealthyReplicas(scaling: Scaling, old: readonly ReplicaSet[], maxCleanup: number): number {
  let scaledDown = 0;
  for (const rs of [...old].sort(byCreation)) {
    if (scaledDown >= maxCleanup) break;
    const target = scaling.current(rs);
    if (replicasOf(target) === 0 || replicasOf(target) === availableOf(target)) continue;
    const count = Math.min(maxCleanup - scaledDown, replicasOf(target) - availableOf(target));
    scaling.scaleTo(target, replicasOf(target) - count);
    scaledDown += count;
  }
  return scaledDown;
}

/** scaleDownOld scales old ReplicaSets down, oldest first, while availability stays above spec.replicas - maxUnavailable. */
function scaleDownOld(scaling: Scaling, r: Rollout, old: readonly ReplicaSet[]): number {
  const minAvailable = replicasOf(r.d) - maxUnavailable(r.d);
  const available = availableTotal(allOf(r).map((rs) => scaling.current(rs)));
  if (available <= minAvailable) return 0;
  const toScaleDown = available - minAvailable;
  let scaledDown = 0;
  for (const rs of [...old].sort(byCreation)) {
    if (scaledDown >= toScaleDown) break;
    const target = scaling.current(rs);
    if (replicasOf(target) === 0) continue;
    const count = Math.min(replicasOf(target), toScaleDown - scaledDown);
    scaling.scaleTo(target, replicasOf(target) - count);
    scaledDown += count;
  }
  return scaledDown;
}

/** reconcileOldReplicaSets retires old pods: unhealthy ones first, then available ones the budget allows. */
function reconcileOldReplicaSets(r: Rollout, newRS: ReplicaSet): ControllerAction[] {
  const old = r.old.filter(isActive);
  if (specTotal(old) === 0) return [];
  const minAvailable = replicasOf(r.d) - maxUnavailable(r.d);
  const newUnavailable = Math.max(0, replicasOf(newRS) - availableOf(newRS));
  const maxScaledDown = specTotal(allOf(r)) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return [];
  const scaling = new Scaling(r);
  cleanupUnhealthyReplicas(scaling, old, maxScaledDown);
  scaleDownOld(scaling, r, old);
  return scaling.commit();
}

/** rolloutRolling is one step of a rolling update; the status is written once no ReplicaSet needs changing. */
export function rolloutRolling(r: Rollout): ControllerAction[] {
  const revision = syncRevision(r, true);
  if (revision.length > 0 || !r.newRS) return revision;
  const up = reconcileNewReplicaSet(r, r.newRS);
  if (up.length > 0) return up;
  const down = reconcileOldReplicaSets(r, r.newRS);
  if (down.length > 0) return down;
  const cleanup = deploymentComplete(r.d, r.d.status) ? cleanupDeployment(r) : [];
  return [...cleanup, ...writeStatus(r.d, rolloutStatus(r))];
}
