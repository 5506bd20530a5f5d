import { LABEL_ZONE, listObjects, type ObjectStore, type PersistentVolume, type PersistentVolumeClaim, type Pod, type StorageClass } from '../../../emulator/kube/index.js';
import { cbsDiskIdOf, claimClassName, diskTypeOf, isCbsClass, isDefaultClass, podVolumeNeeds, reclaimPolicyOf, bindingModeOf, volumeClassName } from '../../../emulator/storage/index.js';
import type { DiskRecord } from '../projections/disks.projection.js';

/** How storage objects and disks read in GraphQL: the columns `kubectl get sc/pv/pvc` and the CBS console show. */

const byName = <T extends { metadata: { name?: string; namespace?: string } }>(a: T, b: T): number =>
  `${a.metadata.namespace ?? ''}/${a.metadata.name}` < `${b.metadata.namespace ?? ''}/${b.metadata.name}` ? -1 : 1;

/** storageClassViews lists a cluster's StorageClasses. */
export function storageClassViews(store: ObjectStore) {
  return listObjects<StorageClass>(store, 'StorageClass')
    .sort(byName)
    .map((sc) => ({
      name: sc.metadata.name,
      provisioner: sc.provisioner,
      diskType: isCbsClass(sc) ? diskTypeOf(sc.parameters) ?? null : null,
      parameters: sc.parameters ?? {},
      reclaimPolicy: reclaimPolicyOf(sc),
      volumeBindingMode: bindingModeOf(sc),
      allowVolumeExpansion: sc.allowVolumeExpansion ?? false,
      isDefault: isDefaultClass(sc),
      manifest: sc,
    }));
}

/** persistentVolumeViews lists a cluster's PersistentVolumes. */
export function persistentVolumeViews(store: ObjectStore) {
  return listObjects<PersistentVolume>(store, 'PersistentVolume')
    .sort(byName)
    .map((pv) => ({
      name: pv.metadata.name,
      phase: pv.status?.phase ?? 'Pending',
      capacity: pv.spec.capacity?.storage ?? '',
      accessModes: pv.spec.accessModes ?? [],
      reclaimPolicy: pv.spec.persistentVolumeReclaimPolicy ?? 'Retain',
      storageClass: volumeClassName(pv),
      claimNamespace: pv.spec.claimRef?.namespace ?? null,
      claimName: pv.spec.claimRef?.name ?? null,
      diskId: cbsDiskIdOf(pv) ?? null,
      zone: pv.metadata.labels?.[LABEL_ZONE] ?? null,
      manifest: pv,
    }));
}

/** persistentVolumeClaimViews lists a cluster's claims, in one namespace or all. */
export function persistentVolumeClaimViews(store: ObjectStore, namespace?: string | null) {
  return listObjects<PersistentVolumeClaim>(store, 'PersistentVolumeClaim', namespace ?? undefined)
    .sort(byName)
    .map((pvc) => {
      const bound = pvc.status?.phase === 'Bound';
      const pv = bound && pvc.spec.volumeName ? listObjects<PersistentVolume>(store, 'PersistentVolume').find((v) => v.metadata.name === pvc.spec.volumeName) : undefined;
      return {
        name: pvc.metadata.name,
        namespace: pvc.metadata.namespace,
        phase: pvc.status?.phase ?? 'Pending',
        capacity: bound ? (pvc.status?.capacity?.storage ?? null) : null,
        requested: pvc.spec.resources?.requests?.storage ?? '',
        accessModes: pvc.spec.accessModes ?? [],
        storageClass: claimClassName(pvc) ?? null,
        volumeName: pvc.spec.volumeName ?? null,
        diskId: pv ? (cbsDiskIdOf(pv) ?? null) : null,
        manifest: pvc,
      };
    });
}

/** diskOut is a disk as the schema's Disk type reads it. */
export function diskOut(disk: DiskRecord) {
  const { id, size, type, zone, status, attachedTo, clusterId, createdAt, usedBytes } = disk;
  return { id, size, type, zone, state: status, attachedTo: attachedTo ?? null, clusterId: clusterId ?? null, createdAt, usedBytes, accountId: disk.accountId };
}

/** diskMounts lists the containers of running pods on the disk's node that mount it, and where. */
export function diskMounts(disk: { id: string; clusterId?: string | null; attachedTo?: string | null }, store: ObjectStore | undefined) {
  if (!store || !disk.attachedTo) return [];
  return listObjects<Pod>(store, 'Pod').flatMap((pod) => {
    if (pod.spec.nodeName !== disk.attachedTo || pod.status?.phase !== 'Running') return [];
    const uses = podVolumeNeeds(pod, store).disks.filter((d) => d.diskId === disk.id);
    return uses.flatMap((use) =>
      pod.spec.containers.flatMap((c) =>
        (c.volumeMounts ?? []).filter((m) => m.name === use.podVolume).map((m) => ({ clusterId: disk.clusterId, namespace: pod.metadata.namespace, pod: pod.metadata.name, container: c.name, mountPath: m.mountPath })),
      ),
    );
  });
}
