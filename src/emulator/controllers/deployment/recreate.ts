import type { Pod } from '../../kube/index.js';
import { controlledGroup } from '../../kube/store-index.js';
import type { ControllerAction } from '../controller.js';
import { podFacts } from '../helpers/pod-facts.js';
import { cleanupDeployment, syncRevision } from './revisions.js';
import { actualTotal, isActive, replicasOf, scaleAndRecord, type Rollout } from './rollout.js';
import { deploymentComplete, rolloutStatus, writeStatus } from './status.js';

/** The Recreate strategy (recreate.go): scale every old ReplicaSet to zero, wait for their pods to go, then scale up the new one. */

/** oldPodsRunning: an old ReplicaSet still reports pods, or a non-terminal pod of one still exists (terminating ones count). */
function oldPodsRunning(r: Rollout): boolean {
  if (actualTotal(r.old) > 0) return true;
  const namespace = r.d.metadata.namespace;
  const uids = new Set(r.old.map((rs) => rs.metadata.uid));
  return [...uids].some((uid) => controlledGroup<Pod>(r.ctx.store, 'Pod', namespace, uid).list().some((p) => !podFacts(p).terminal));
}

/** rolloutRecreate is one step of a Recreate rollout. */
export function rolloutRecreate(r: Rollout): ControllerAction[] {
  const revision = syncRevision(r, false);
  if (revision.length > 0) return revision;
  const down = r.old.filter(isActive).flatMap((rs) => scaleAndRecord(rs, 0, r.d));
  if (down.length > 0) return down;
  if (oldPodsRunning(r)) return writeStatus(r.d, rolloutStatus(r));
  if (!r.newRS) return syncRevision(r, true);
  const up = scaleAndRecord(r.newRS, replicasOf(r.d), r.d);
  if (up.length > 0) return up;
  const cleanup = deploymentComplete(r.d, r.d.status) ? cleanupDeployment(r) : [];
  return [...cleanup, ...writeStatus(r.d, rolloutStatus(r))];
}
