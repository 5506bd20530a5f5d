import type { LabelSelector, ObjectMeta, ObjectReference } from './meta.js';
import type { NodeSelectorTerm, ResourceList } from './pod.js';

/** Storage objects as Kubernetes core/v1 and storage.k8s.io/v1 define them (CBS disks back them in TKE). */

/** PersistentVolumeAccessMode says how many nodes may mount a volume, and how. */
export type PersistentVolumeAccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

/** PersistentVolumeClaimSpec asks for storage: size, access modes and class. */
export interface PersistentVolumeClaimSpec {
  accessModes?: PersistentVolumeAccessMode[];
  selector?: LabelSelector;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  volumeName?: string;
  storageClassName?: string;
  volumeMode?: 'Filesystem' | 'Block';
  dataSource?: { apiGroup?: string; kind: string; name: string };
}

/** PersistentVolumeClaimStatus is the binding's state as the PV controller sees it. */
export interface PersistentVolumeClaimStatus {
  phase?: 'Pending' | 'Bound' | 'Lost';
  accessModes?: PersistentVolumeAccessMode[];
  capacity?: ResourceList;
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }>;
}

/** PersistentVolumeClaim is a user's request for a volume (a StatefulSet stamps one per pod from its templates). */
export interface PersistentVolumeClaim {
  apiVersion: 'v1';
  kind: 'PersistentVolumeClaim';
  metadata: ObjectMeta;
  spec: PersistentVolumeClaimSpec;
  status?: PersistentVolumeClaimStatus;
}

/** PersistentVolumeSpec describes a provisioned volume; its source (`qcloudCbs`, `csi`, ...) is open. */
export interface PersistentVolumeSpec {
  capacity?: ResourceList;
  accessModes?: PersistentVolumeAccessMode[];
  claimRef?: ObjectReference;
  persistentVolumeReclaimPolicy?: 'Retain' | 'Delete' | 'Recycle';
  storageClassName?: string;
  volumeMode?: 'Filesystem' | 'Block';
  mountOptions?: string[];
  nodeAffinity?: { required?: { nodeSelectorTerms: NodeSelectorTerm[] } };
  [source: string]: unknown;
}

/** PersistentVolume is a piece of storage in the cluster, such as one CBS disk. */
export interface PersistentVolume {
  apiVersion: 'v1';
  kind: 'PersistentVolume';
  metadata: ObjectMeta;
  spec: PersistentVolumeSpec;
  status?: { phase?: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed'; message?: string; reason?: string };
}

/** StorageClass names a provisioner and its parameters (the seed's `cbs` class: cloud.tencent.com/qcloud-cbs). */
export interface StorageClass {
  apiVersion: 'storage.k8s.io/v1';
  kind: 'StorageClass';
  metadata: ObjectMeta;
  provisioner: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: 'Delete' | 'Retain';
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  allowVolumeExpansion?: boolean;
  mountOptions?: string[];
  allowedTopologies?: Array<{ matchLabelExpressions?: Array<{ key: string; values: string[] }> }>;
}

/** ANNOTATION_DEFAULT_STORAGE_CLASS marks the class claims without one get. */
export const ANNOTATION_DEFAULT_STORAGE_CLASS = 'storageclass.kubernetes.io/is-default-class';
/** ANNOTATION_BETA_DEFAULT_STORAGE_CLASS is the 2017 spelling of that mark, the one the seed's `cbs` class carries. */
export const ANNOTATION_BETA_DEFAULT_STORAGE_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';
/** ANNOTATION_BETA_STORAGE_CLASS picks a claim's class before `storageClassName` existed (the seed's mongo claims use it). */
export const ANNOTATION_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
