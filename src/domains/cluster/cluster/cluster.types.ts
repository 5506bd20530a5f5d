import type { NodeCondition, NodeResources } from '../../../emulator/kubelet/index.js';

/** clusterStream is the stream of one cluster and its nodes. */
export const clusterStream = (clusterId: string): string => `cluster-${clusterId}`;

/** clusterNameStream guards a cluster name within an account. */
export const clusterNameStream = (accountId: string, name: string): string => `clustername-${accountId}/${name}`;

/** ClusterSpec is what a cluster is created with. */
export interface ClusterSpec {
  readonly name: string;
  readonly description: string;
  readonly region: string;
  readonly zone: string;
  readonly vpcCidr: string;
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly kubernetesVersion: string;
  /** networkMode: GlobalRouter or Flannel; absent in events recorded before the network domain means GlobalRouter. */
  readonly networkMode?: 'GlobalRouter' | 'Flannel';
  /** routeQuota bounds the cluster's route table in the VPC; absent means 200. */
  readonly routeQuota?: number;
}

/** NodeFacts are everything recorded about a node when it joins. */
export interface NodeFacts {
  readonly name: string;
  readonly instanceId: string;
  readonly instanceType: string;
  readonly privateIp: string;
  readonly hostIp: string;
  readonly podCidr: string;
  readonly zone: string;
  readonly capacity: NodeResources;
  readonly allocatable: NodeResources;
  readonly conditions: readonly NodeCondition[];
  readonly createdAt: string;
}

export type ClusterCommand =
  | { type: 'CreateCluster'; data: ClusterSpec & { clusterId: string; accountId: string; createdAt: string } }
  | { type: 'AddNodes'; data: { accountId: string; clusterId: string; count: number; instanceType: string; instanceIds: readonly string[]; at: string } }
  | { type: 'RemoveNode'; data: { accountId: string; clusterId: string; nodeName: string; at: string } }
  | { type: 'DeleteCluster'; data: { accountId: string; clusterId: string; at: string } };

export type ClusterEvent =
  | { type: 'ClusterCreated'; data: ClusterSpec & { clusterId: string; accountId: string; createdAt: string } }
  | { type: 'NodeAdded'; data: NodeFacts & { clusterId: string; hostOrdinal: number } }
  | { type: 'NodeRemoved'; data: { clusterId: string; name: string; instanceId: string; privateIp: string; podCidr: string; removedAt: string } }
  | { type: 'ClusterDeleted'; data: { clusterId: string; name: string; nodes: readonly string[]; deletedAt: string } };

/** ClusterState is what decisions about a cluster need: its ranges and what is allocated from them. */
export interface ClusterState {
  readonly status: 'absent' | 'Running' | 'Deleted';
  readonly accountId: string;
  readonly clusterId: string;
  readonly name: string;
  readonly zone: string;
  readonly vpcCidr: string;
  readonly podCidr: string;
  readonly nodes: Readonly<Record<string, { readonly instanceId: string; readonly privateIp: string; readonly podCidr: string }>>;
  /** hostsUsed counts CVMs ever placed, so a new CVM lands on a fresh physical host. */
  readonly hostsUsed: number;
}

export const MAX_NODES_PER_CALL = 100;
