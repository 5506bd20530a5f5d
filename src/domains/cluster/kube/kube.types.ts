import type { KubeObject, ObjectStore } from '../../../emulator/kube/index.js';

/** kubeStream is the stream of one cluster's Kubernetes objects (what etcd holds). */
export const kubeStream = (clusterId: string): string => `kube-${clusterId}`;

/** ApplyAction is what applying did to one object, as kubectl reports it. */
export type ApplyAction = 'created' | 'configured' | 'unchanged';

/** AppliedObject names one object of a manifest and what applying it did. */
export interface AppliedObject {
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly action: ApplyAction;
}

export type KubeCommand =
  | { type: 'ApplyObjects'; data: { accountId: string; clusterId: string; objects: KubeObject[]; at: string } }
  | { type: 'DeleteObject'; data: { accountId: string; clusterId: string; kind: string; namespace: string | null; name: string; at: string } };

export type KubeEvent =
  | { type: 'ObjectsApplied'; data: { clusterId: string; at: string; created: KubeObject[]; configured: KubeObject[] } }
  | { type: 'ObjectDeleted'; data: { clusterId: string; kind: string; namespace: string | null; name: string; uid: string; at: string } };

/** KubeCluster is one cluster's object store with what decisions about it need. */
export interface KubeCluster extends ObjectStore {
  clusterId: string;
  accountId: string;
  region: string;
  kubernetesVersion: string;
  /** streamVersion is the version of the cluster's kube stream this state reflects. */
  streamVersion: number;
}
