import { getObject, type PersistentVolume, type PersistentVolumeClaim, type Pod } from '../kube/index.js';
import type { StorageWorld } from './storage-world.js';
import { cbsDiskIdOf } from './volume-sync.js';

/** Which CBS disks a pod's volumes need, and whether the kubelet may start its containers (volumemanager). */

/** PodDisk is one CBS disk a pod uses: the pod's volume, the disk, and the name Kubernetes reports it by (the PV's name for a claim). */
export interface PodDisk {
  readonly podVolume: string;
  readonly diskId: string;
  readonly volumeName: string;
}

/** PodVolumeNeeds are a pod's CBS disks, and its claim volumes not yet bound to a volume. */
export interface PodVolumeNeeds {
  readonly disks: PodDisk[];
  readonly unboundClaims: string[];
}

/** podVolumeNeeds resolves a pod's `qcloudCbs` volumes and its claims (through their bound PV) to CBS disks. */
export function podVolumeNeeds(pod: Pod, store: StorageWorld['store']): PodVolumeNeeds {
  const needs: PodVolumeNeeds = { disks: [], unboundClaims: [] };
  for (const v of pod.spec.volumes ?? []) {
    const inline = (v.qcloudCbs as { cbsDiskId?: string } | undefined)?.cbsDiskId;
    if (inline) needs.disks.push({ podVolume: v.name, diskId: inline, volumeName: v.name });
    const claimName = (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName;
    if (!claimName) continue;
    const claim = getObject<PersistentVolumeClaim>(store, 'PersistentVolumeClaim', pod.metadata.namespace, claimName);
    const volume = claim?.status?.phase === 'Bound' && claim.spec.volumeName ? getObject<PersistentVolume>(store, 'PersistentVolume', undefined, claim.spec.volumeName) : undefined;
    const diskId = volume && cbsDiskIdOf(volume);
    if (!volume) needs.unboundClaims.push(v.name);
    else if (diskId) needs.disks.push({ podVolume: v.name, diskId, volumeName: volume.metadata.name ?? '' });
  }
  return needs;
}

/** unreadyVolumes names the pod's volumes whose disk is not attached to its node (or whose claim is unbound). */
export function unreadyVolumes(pod: Pod, world: Pick<StorageWorld, 'store' | 'disks'>): string[] {
  const needs = podVolumeNeeds(pod, world.store);
  const unattached = needs.disks.filter((d) => {
    const disk = world.disks.get(d.diskId);
    return !disk || disk.attachedTo !== pod.spec.nodeName || (disk.state !== 'ATTACHED' && disk.state !== 'EXPANDING');
  });
  return [...needs.unboundClaims, ...unattached.map((d) => d.podVolume)];
}

/** volumesReady: the pod is on a node and every CBS disk it needs is attached there, so the kubelet can mount and start it. */
export function volumesReady(pod: Pod, world: Pick<StorageWorld, 'store' | 'disks'>): boolean {
  return pod.spec.nodeName !== undefined && unreadyVolumes(pod, world).length === 0;
}

/** failedMountMessage is the kubelet's FailedMount warning for a pod whose volumes did not attach in time. */
export function failedMountMessage(volumes: readonly string[]): string {
  const list = `[${volumes.join(' ')}]`;
  return `Unable to attach or mount volumes: unmounted volumes=${list}, unattached volumes=${list}, failed to process volumes=[]: timed out waiting for the condition`;
}
