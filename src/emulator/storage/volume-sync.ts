import { deleteAction, statusAction } from '../controllers/helpers/events.js';
import { getObject, type PersistentVolume, type PersistentVolumeClaim } from '../kube/index.js';
import { PV_CONTROLLER } from './binding.js';
import { reportOnce } from './event-memory.js';
import type { StorageWorld, VolumeWork } from './storage-world.js';

/** A volume's sync (syncVolume): Available when free, Bound when its claim is, Released when its claim is gone, then reclaimed. */

/** cbsDiskIdOf is the CBS disk behind a volume, if it is one. */
export const cbsDiskIdOf = (volume: PersistentVolume): string | undefined => (volume.spec.qcloudCbs as { cbsDiskId?: string } | undefined)?.cbsDiskId;

/** claimOfVolume is the claim a volume's claimRef names, if it still exists with the same uid. */
export function claimOfVolume(world: Pick<StorageWorld, 'store'>, volume: PersistentVolume): PersistentVolumeClaim | undefined {
  const ref = volume.spec.claimRef;
  if (!ref) return undefined;
  const claim = getObject<PersistentVolumeClaim>(world.store, 'PersistentVolumeClaim', ref.namespace, ref.name);
  return claim && (!ref.uid || ref.uid === claim.metadata.uid) ? claim : undefined;
}

/** reclaim applies a released volume's policy: Retain keeps it; Delete deletes the CBS disk and the PV once the disk is detached. */
function reclaim(world: StorageWorld, work: VolumeWork, volume: PersistentVolume): void {
  if ((volume.spec.persistentVolumeReclaimPolicy ?? 'Retain') !== 'Delete') return;
  const diskId = cbsDiskIdOf(volume);
  if (!diskId) {
    const message = `error getting deleter volume plugin for volume "${volume.metadata.name}": no deletable volume plugin matched`;
    work.actions.push(statusAction(volume, { phase: 'Failed', message }), ...reportOnce(world.store, world.now, volume, 'Warning', 'VolumeFailedDelete', message, PV_CONTROLLER));
    return;
  }
  const disk = world.disks.get(diskId);
  // CBS refuses to delete an attached disk; the attach/detach controller detaches it once no pod uses it, and a later pass deletes.
  if (disk && disk.state !== 'UNATTACHED' && disk.state !== 'DELETED') return;
  if (disk && disk.state === 'UNATTACHED') work.deleteDisks.push(diskId);
  work.actions.push(deleteAction(volume));
}

/** syncVolume adds to `work` what one volume needs. */
export function syncVolume(world: StorageWorld, work: VolumeWork, volume: PersistentVolume): void {
  const phase = volume.status?.phase;
  if (!volume.spec.claimRef) {
    if (phase !== 'Available') work.actions.push(statusAction(volume, { phase: 'Available' }));
    return;
  }
  const claim = claimOfVolume(world, volume);
  if (claim) {
    if (claim.spec.volumeName === volume.metadata.name && phase !== 'Bound') work.actions.push(statusAction(volume, { phase: 'Bound' }));
    return;
  }
  // A claimRef without a uid is a user's pre-binding to a claim that may come later.
  if (!volume.spec.claimRef.uid) return;
  if (phase === 'Failed') return;
  if (phase !== 'Released') {
    work.actions.push(statusAction(volume, { phase: 'Released' }));
    return;
  }
  reclaim(world, work, volume);
}
