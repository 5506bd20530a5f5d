/** The GraphQL documents storage tests send, kept in one place. */
export const DISK_FIELDS = 'id size type zone state attachedTo clusterId createdAt usedBytes mounts { namespace pod container mountPath }';
export const CREATE_DISK = `mutation ($input: CreateDiskInput!) { createDisk(input: $input) { ${DISK_FIELDS} } }`;
export const ATTACH_DISK = `mutation ($input: AttachDiskInput!) { attachDisk(input: $input) { ${DISK_FIELDS} } }`;
export const DETACH_DISK = `mutation ($id: ID!) { detachDisk(input: { diskId: $id }) { ${DISK_FIELDS} } }`;
export const RESIZE_DISK = `mutation ($id: ID!, $size: Int!) { resizeDisk(input: { diskId: $id, size: $size }) { ${DISK_FIELDS} } }`;
export const DELETE_DISK = `mutation ($id: ID!) { deleteDisk(input: { diskId: $id }) { id } }`;
export const WRITE_DISK = `mutation ($id: ID!, $bytes: Float!) { recordDiskWrites(input: { diskId: $id, bytes: $bytes }) { ${DISK_FIELDS} } }`;
export const DISK = `query ($id: ID!) { disk(id: $id) { ${DISK_FIELDS} } }`;
export const DISKS = `query ($zone: String) { disks(zone: $zone) { ${DISK_FIELDS} } }`;
export const APPLY = `mutation ($id: ID!, $yaml: String!) { applyManifest(input: { clusterId: $id, yaml: $yaml }) { objects { kind name action } } }`;
export const ADVANCE = `mutation ($s: Int!) { advanceClock(seconds: $s) { now } }`;
export const STORAGE = `query ($id: ID!, $ns: String) { cluster(id: $id) {
  zone
  storageClasses { name provisioner diskType reclaimPolicy volumeBindingMode allowVolumeExpansion isDefault }
  persistentVolumes { name phase capacity accessModes reclaimPolicy storageClass claimNamespace claimName diskId zone }
  persistentVolumeClaims(namespace: $ns) { name namespace phase capacity requested accessModes storageClass volumeName diskId }
  pods { name status nodeName }
  events { type reason message involvedObject { kind name } }
} }`;
