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

/** WriteMode is what a Kubernetes API write replaces: a new object, a whole object, or only its status (the status subresource). */
export type WriteMode = 'create' | 'update' | 'status';

/** DeletionPropagation is a delete's policy when it is not the default Background (events carry it only then). */
export type DeletionPropagation = 'Foreground' | 'Orphan';

export type KubeCommand =
  | { type: 'ApplyObjects'; data: { accountId: string; clusterId: string; objects: KubeObject[]; at: string } }
  | { type: 'WriteObject'; data: { accountId: string; clusterId: string; object: KubeObject; mode: WriteMode; at: string } }
  | { type: 'DeleteObject'; data: { accountId: string; clusterId: string; kind: string; namespace: string | null; name: string; at: string; propagationPolicy?: DeletionPropagation } }
  | { type: 'SchedulePods'; data: { clusterId: string; at: string; outcomes: SchedulingOutcome[]; nextStartIndex: number } }
  | { type: 'AdvancePods'; data: { clusterId: string; at: string; stage: string; pods: Array<{ namespace: string; name: string; pulledMs?: number }> } }
  | { type: 'FailNode' | 'RecoverNode'; data: { accountId: string; clusterId: string; nodeName: string; at: string } }
  | { type: 'CrashContainer'; data: { accountId: string; clusterId: string; namespace: string; name: string; container?: string | null; exitCode: number; at: string } }
  | { type: 'ReconcileObjects'; data: { clusterId: string; at: string; controller: string; actions: ObjectAction[] } }
  | { type: 'UpdateNodeHealth'; data: { clusterId: string; at: string; unreachable: string[]; reachable: string[]; evict: Array<{ namespace: string; name: string }> } };

export type KubeEvent =
  | { type: 'ObjectsApplied'; data: { clusterId: string; at: string; created: KubeObject[]; configured: KubeObject[] } }
  | { type: 'ObjectDeleted'; data: { clusterId: string; kind: string; namespace: string | null; name: string; uid: string; at: string; propagationPolicy?: DeletionPropagation } }
  | { type: 'PodsScheduled'; data: { clusterId: string; at: string; outcomes: SchedulingOutcome[]; nextStartIndex: number } }
  | { type: 'PodsAdvanced'; data: { clusterId: string; at: string; stage: string; pods: Array<{ namespace: string; name: string; pulledMs?: number }> } }
  | { type: 'NodeFailed' | 'NodeRecovered'; data: { clusterId: string; nodeName: string; at: string } }
  | { type: 'ObjectsReconciled'; data: { clusterId: string; at: string; controller: string; actions: ObjectAction[] } }
  | { type: 'NodeHealthChanged'; data: { clusterId: string; at: string; unreachable: string[]; reachable: string[] } }
  | { type: 'PodsEvicted'; data: { clusterId: string; at: string; pods: Array<{ namespace: string; name: string }> } }
  | { type: 'ContainerCrashed'; data: { clusterId: string; at: string; namespace: string; name: string; container: string; exitCode: number } };

/** KubeCluster is one cluster's object store with what decisions about it need. */
export interface KubeCluster extends ObjectStore {
  clusterId: string;
  accountId: string;
  region: string;
  kubernetesVersion: string;
  serviceCidr: string;
  /** streamVersion is the version of the cluster's kube stream this state reflects. */
  streamVersion: number;
  /** podSince is when each pod entered its current lifecycle state (virtual time), for the kubelet's delays. */
  podSince: Record<string, string>;
  /** scheduling is each pod's latest scheduling attempt. */
  scheduling: Record<string, SchedulingRecord>;
  /** schedulerStartIndex is where the scheduler's next node search starts. */
  schedulerStartIndex: number;
  /** nodeFailures holds when each failed node's kubelet stopped heartbeating. */
  nodeFailures: Record<string, string>;
}

/** SchedulingRecord explains a pod's latest scheduling attempt, as kube-scheduler-simulator shows it. */
export interface SchedulingRecord {
  attempts: number;
  nodeName: string | null;
  message?: string;
  filtered: Array<{ node: string; plugin: string; reason: string }>;
  scores: Array<{ node: string; plugin: string; score: number }>;
  finalScores: Array<{ node: string; score: number }>;
}

/** SchedulingOutcome is one pod's result from a scheduling cycle. */
export interface SchedulingOutcome {
  namespace: string;
  name: string;
  nodeName: string | null;
  message?: string;
  explanation?: Omit<SchedulingRecord, 'attempts' | 'nodeName' | 'message'>;
}

/** ObjectAction is what a controller asks of the API server (the controllers' ControllerAction, as logged). */
export type ObjectAction =
  | { type: 'create'; object: KubeObject }
  | { type: 'createPods'; object: KubeObject; names: string[] }
  | { type: 'update'; object: KubeObject }
  | { type: 'status'; kind: string; namespace?: string; name: string; status: unknown }
  | { type: 'delete'; kind: string; namespace?: string; name: string; propagationPolicy?: 'Foreground' }
  | { type: 'event'; involved: { kind: string; namespace?: string; name: string }; note: { type: 'Normal' | 'Warning'; reason: string; message: string }; source: { component: string } };
