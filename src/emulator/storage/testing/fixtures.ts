import { applyActions } from '../../controllers/testing/apply-actions.js';
import { World } from '../../controllers/testing/world.js';
import {
  ANNOTATION_BETA_DEFAULT_STORAGE_CLASS,
  ANNOTATION_BETA_STORAGE_CLASS,
  getObject,
  LABEL_ZONE,
  type Node,
  type PersistentVolume,
  type PersistentVolumeAccessMode,
  type PersistentVolumeClaim,
  type Pod,
  type StorageClass,
  type Volume,
} from '../../kube/index.js';
import { CBS_PROVISIONER, type DiskView } from '../cbs.js';
import { syncPersistentVolumes } from '../pv-binder.js';
import type { VolumeWork } from '../storage-world.js';

/** Builders for storage specs: the seed's class, claims, volumes, nodes and pods, and a lab that runs the binder. */

/** ZONE is the seed's zone. */
export const ZONE = 'ap-guangzhou-3';

/** seedClass is the seed's `cbs` class: beta default annotation, `type: cbs`, the qcloud-cbs provisioner. */
export function storageClass(name = 'cbs', o: Partial<StorageClass> & { isDefault?: boolean } = {}): StorageClass {
  const { isDefault = true, ...rest } = o;
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, ...(isDefault ? { annotations: { [ANNOTATION_BETA_DEFAULT_STORAGE_CLASS]: 'true' } } : {}) },
    provisioner: CBS_PROVISIONER,
    parameters: { type: 'cbs' },
    ...rest,
  };
}

/** ClaimOptions are the claim fields specs set. */
export interface ClaimOptions {
  size?: string;
  modes?: PersistentVolumeAccessMode[];
  className?: string | null;
  betaClass?: string;
  volumeName?: string;
  annotations?: Record<string, string>;
  namespace?: string;
}

/** claim builds a PVC (10Gi, ReadWriteOnce, no class unless told). */
export function claim(name: string, o: ClaimOptions = {}): PersistentVolumeClaim {
  const annotations = { ...o.annotations, ...(o.betaClass ? { [ANNOTATION_BETA_STORAGE_CLASS]: o.betaClass } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: o.namespace ?? 'default', ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: {
      accessModes: o.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: o.size ?? '10Gi' } },
      ...(typeof o.className === 'string' ? { storageClassName: o.className } : {}),
      ...(o.volumeName ? { volumeName: o.volumeName } : {}),
    },
  };
}

/** volume builds a static PV of the given size, class and modes, backed by a CBS disk. */
export function volume(name: string, size: string, o: { className?: string; modes?: PersistentVolumeAccessMode[]; diskId?: string; policy?: 'Retain' | 'Delete'; zone?: string } = {}): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, labels: { [LABEL_ZONE]: o.zone ?? ZONE } },
    spec: {
      capacity: { storage: size },
      accessModes: o.modes ?? ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: o.policy ?? 'Retain',
      ...(o.className ? { storageClassName: o.className } : {}),
      qcloudCbs: { cbsDiskId: o.diskId ?? 'disk-echj2drf', fsType: 'ext4' },
      ...(o.zone ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: LABEL_ZONE, operator: 'In' as const, values: [o.zone] }] }] } } } : {}),
    },
  };
}

/** node builds a node named by its private IP, in a zone. */
export function node(name: string, zone = ZONE): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, [LABEL_ZONE]: zone } }, spec: {}, status: {} };
}

/** pod builds a pod with the given volumes, on a node when given. */
export function pod(name: string, volumes: Volume[], nodeName?: string, namespace = 'default'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name: 'app', image: 'nginx' }], volumes, ...(nodeName ? { nodeName } : {}) } };
}

/** disk is a DiskView in the seed's zone. */
export const disk = (diskId: string, state: DiskView['state'] = 'UNATTACHED', attachedTo?: string, zone = ZONE): DiskView => ({
  diskId,
  zone,
  type: 'CLOUD_BASIC',
  size: 10,
  state,
  ...(attachedTo ? { attachedTo } : {}),
});

/** StorageLab is a controller World plus CBS disks, where the binder's disk requests come true at once. */
export class StorageLab extends World {
  readonly disks = new Map<string, DiskView>();

  /** pass runs one binder pass, commits its writes and its disk requests, and returns it. */
  pass(): VolumeWork {
    const work = syncPersistentVolumes({ store: this.store, now: this.now, random: this.random, disks: this.disks });
    applyActions(this.store, work.actions, this.now);
    for (const d of work.createDisks) this.disks.set(d.diskId, { diskId: d.diskId, zone: d.zone, type: d.diskType, size: d.size, state: 'UNATTACHED' });
    for (const id of work.deleteDisks) this.disks.delete(id);
    return work;
  }

  /** settleVolumes runs passes until one asks for nothing. */
  settleVolumes(max = 20): VolumeWork[] {
    const passes: VolumeWork[] = [];
    for (let i = 0; i < max; i++) {
      const work = this.pass();
      if (work.actions.length === 0 && work.createDisks.length === 0 && work.deleteDisks.length === 0) return passes;
      passes.push(work);
    }
    throw new Error(`the binder did not settle in ${max} passes`);
  }

  claim(name: string, namespace = 'default'): PersistentVolumeClaim {
    return getObject<PersistentVolumeClaim>(this.store, 'PersistentVolumeClaim', namespace, name)!;
  }

  volume(name: string): PersistentVolume | undefined {
    return getObject<PersistentVolume>(this.store, 'PersistentVolume', undefined, name);
  }
}
