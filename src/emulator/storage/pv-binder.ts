import type { ControllerAction } from '../controllers/controller.js';
import { statusAction } from '../controllers/helpers/events.js';
import { getObject, listObjects, type PersistentVolume, type PersistentVolumeClaim } from '../kube/index.js';
import { ANN_BIND_COMPLETED, bindClaimActions, bindVolumeActions, PV_CONTROLLER } from './binding.js';
import { reportOnce } from './event-memory.js';
import { syncUnboundClaim, type SyncRound } from './claim-sync.js';
import { emptyWork, type StorageWorld, type VolumeWork } from './storage-world.js';
import { syncVolume } from './volume-sync.js';
import { isBoundTo } from './volume-matching.js';

/** The persistent volume binder (pkg/controller/volume/persistentvolume/pv_controller.go), one pure pass over claims and volumes. */

/** MSG_CLAIM_LOST is Kubernetes' warning for a Bound claim whose volume is gone. */
export const MSG_CLAIM_LOST = 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!';
/** MSG_CLAIM_MISBOUND is Kubernetes' warning for a claim whose volume is bound to another claim. */
export const MSG_CLAIM_MISBOUND = 'Two claims are bound to the same volume, this one is bound incorrectly';

function lost(world: StorageWorld, work: VolumeWork, claim: PersistentVolumeClaim, reason: string, message: string): void {
  if (claim.status?.phase === 'Lost') return;
  work.actions.push(statusAction(claim, { ...claim.status, phase: 'Lost' }), ...reportOnce(world.store, world.now, claim, 'Warning', reason, message, PV_CONTROLLER));
}

/** syncBoundClaim keeps a bound claim's two halves agreeing, or marks it Lost. */
function syncBoundClaim(world: StorageWorld, work: VolumeWork, claim: PersistentVolumeClaim): void {
  const volume = getObject<PersistentVolume>(world.store, 'PersistentVolume', undefined, claim.spec.volumeName ?? '');
  if (!volume) return lost(world, work, claim, 'ClaimLost', MSG_CLAIM_LOST);
  if (volume.spec.claimRef && !isBoundTo(volume, claim)) return lost(world, work, claim, 'ClaimMisbound', MSG_CLAIM_MISBOUND);
  work.actions.push(...bindVolumeActions(volume, claim), ...bindClaimActions(claim, volume));
}

/** volumeWritten is the name of the PersistentVolume an action writes, if it writes one. */
function volumeWritten(action: ControllerAction): string | undefined {
  if ('object' in action) return action.object.kind === 'PersistentVolume' ? action.object.metadata.name : undefined;
  if ('kind' in action) return action.kind === 'PersistentVolume' ? action.name : undefined;
  return undefined;
}

/** bindingComplete: the controller finished binding this claim (pv.kubernetes.io/bind-completed). */
export const bindingComplete = (claim: PersistentVolumeClaim): boolean => claim.metadata.annotations?.[ANN_BIND_COMPLETED] !== undefined && !!claim.spec.volumeName;

/** syncPersistentVolumes is one binder pass: claims first (binding, provisioning), then volumes (phases, release, reclaim). */
export function syncPersistentVolumes(world: StorageWorld): VolumeWork {
  const work = emptyWork();
  const round: SyncRound = { takenVolumes: new Set(), drawnDisks: new Set() };
  const claims = listObjects<PersistentVolumeClaim>(world.store, 'PersistentVolumeClaim').filter((c) => !c.metadata.deletionTimestamp);
  for (const claim of claims) if (bindingComplete(claim)) round.takenVolumes.add(claim.spec.volumeName ?? '');
  for (const claim of claims) {
    if (bindingComplete(claim)) syncBoundClaim(world, work, claim);
    else syncUnboundClaim(world, work, round, claim);
  }
  // Volumes a claim's sync already wrote wait for the next pass, so one pass never writes an object twice.
  const touched = new Set(work.actions.map(volumeWritten));
  for (const volume of listObjects<PersistentVolume>(world.store, 'PersistentVolume')) {
    if (!touched.has(volume.metadata.name)) syncVolume(world, work, volume);
  }
  return work;
}
