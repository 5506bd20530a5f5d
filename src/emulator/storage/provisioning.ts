import { LABEL_ZONE, type PersistentVolume, type PersistentVolumeClaim, type StorageClass } from '../kube/index.js';
import { CBS_PROVISIONER, describeSizeRule, provisionSizeGB, type DiskType } from './cbs.js';
import { CBS_TYPE_VALUES, cbsDiskTypeOf } from './storage-class-validation.js';
import { reclaimPolicyOf } from './storage-classes.js';
import { requestedBytes } from './volume-matching.js';

/** Dynamic provisioning with the qcloud-cbs plugin: a claim and its class become a CBS disk request and the PV that names it. */

/** LABEL_BETA_ZONE is the zone label in-tree cloud volumes carried before topology.kubernetes.io/zone. */
export const LABEL_BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
/** ANNOTATION_PROVISIONED_BY names the plugin that made a volume. */
export const ANNOTATION_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
/** CBS_ACCESS_MODES: a CBS disk attaches to one CVM, so its volumes are ReadWriteOnce only. */
export const CBS_ACCESS_MODES = ['ReadWriteOnce'] as const;

/** DiskRequest asks the storage domain for a CBS disk (CreateDisk) on behalf of a claim. */
export interface DiskRequest {
  readonly diskId: string;
  readonly diskType: DiskType;
  /** size is in GB, already rounded to what CBS accepts. */
  readonly size: number;
  readonly zone: string;
  readonly volumeName: string;
  readonly claim: { readonly namespace: string; readonly name: string; readonly uid: string };
}

/** ProvisionPlan is a disk request with its PV, or the reason provisioning failed (the ProvisioningFailed event's message). */
export type ProvisionPlan = { readonly ok: true; readonly disk: DiskRequest; readonly volume: PersistentVolume } | { readonly ok: false; readonly message: string };

/** volumeNameFor is the provisioned volume's name: `pvc-<claim uid>`. */
export const volumeNameFor = (claim: PersistentVolumeClaim): string => `pvc-${claim.metadata.uid ?? ''}`;

/** goList prints a string slice as Go's %v does: `[ReadWriteOnce ReadWriteMany]`. */
const goList = (items: readonly string[]): string => `[${items.join(' ')}]`;

/** cbsProblem says why the qcloud-cbs plugin would refuse the claim, or undefined. */
function cbsProblem(claim: PersistentVolumeClaim, type: DiskType | undefined, size: number | undefined, storageClass: StorageClass): string | undefined {
  const modes = claim.spec.accessModes ?? [];
  if (!modes.every((m) => (CBS_ACCESS_MODES as readonly string[]).includes(m))) {
    return `invalid AccessModes ${goList(modes)}: only AccessModes ${goList(CBS_ACCESS_MODES)} are supported`;
  }
  if (!type) return `invalid parameter type ${JSON.stringify(storageClass.parameters?.type)}: supported values: ${CBS_TYPE_VALUES.map((v) => JSON.stringify(v)).join(', ')}`;
  if (size === undefined) return `requested ${claim.spec.resources?.requests?.storage} is more than a ${type} disk holds: ${describeSizeRule(type)}`;
  return undefined;
}

/** planCbsVolume turns a claim of a CBS class into a disk request and a PV bound to the claim, in `zone`, with disk id `diskId`. */
export function planCbsVolume(claim: PersistentVolumeClaim, storageClass: StorageClass, zone: string, diskId: string): ProvisionPlan {
  const type = cbsDiskTypeOf(storageClass);
  const size = type && provisionSizeGB(type, requestedBytes(claim));
  const problem = cbsProblem(claim, type, size, storageClass);
  if (problem || !type || size === undefined) return { ok: false, message: `Failed to provision volume with StorageClass "${storageClass.metadata.name}": ${problem}` };
  const { namespace = 'default', name = '', uid = '' } = claim.metadata;
  const volumeName = volumeNameFor(claim);
  const volume: PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: volumeName, labels: { [LABEL_ZONE]: zone, [LABEL_BETA_ZONE]: zone }, annotations: { [ANNOTATION_PROVISIONED_BY]: CBS_PROVISIONER } },
    spec: {
      capacity: { storage: `${size}Gi` },
      accessModes: [...(claim.spec.accessModes ?? CBS_ACCESS_MODES)],
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name, uid },
      persistentVolumeReclaimPolicy: reclaimPolicyOf(storageClass),
      storageClassName: storageClass.metadata.name,
      volumeMode: claim.spec.volumeMode ?? 'Filesystem',
      ...(storageClass.mountOptions ? { mountOptions: [...storageClass.mountOptions] } : {}),
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: LABEL_ZONE, operator: 'In', values: [zone] }] }] } },
      qcloudCbs: { cbsDiskId: diskId, fsType: storageClass.parameters?.fsType ?? 'ext4' },
    },
    status: { phase: 'Bound' },
  };
  return { ok: true, disk: { diskId, diskType: type, size, zone, volumeName, claim: { namespace, name, uid } }, volume };
}

/** zoneFromClass is the zone a class pins its volumes to: `parameters.zone`, else the first allowed topology zone. */
export function zoneFromClass(storageClass: StorageClass): string | undefined {
  if (storageClass.parameters?.zone) return storageClass.parameters.zone;
  for (const term of storageClass.allowedTopologies ?? []) {
    for (const e of term.matchLabelExpressions ?? []) if ((e.key === LABEL_ZONE || e.key === LABEL_BETA_ZONE) && e.values.length > 0) return e.values[0];
  }
  return undefined;
}

/** chooseZone is ChooseZoneForVolume: a stable pick among the zones with nodes, by the claim's name, so a set's claims spread. */
export function chooseZone(zones: readonly string[], claimName: string): string | undefined {
  const sorted = [...new Set(zones)].sort();
  if (sorted.length === 0) return undefined;
  const ordinal = /-(\d+)$/.exec(claimName);
  let hash = 0;
  const base = ordinal ? claimName.slice(0, ordinal.index) : claimName;
  for (let i = 0; i < base.length; i++) hash = (Math.imul(hash, 31) + base.charCodeAt(i)) >>> 0;
  return sorted[(hash + (ordinal ? Number(ordinal[1]) : 0)) % sorted.length];
}
