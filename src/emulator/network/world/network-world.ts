import type { Endpoints, Service } from '../../kube/index.js';

/** NetworkMode is how a cluster's pods reach each other: the VPC's global routes (the seed's design) or a self-built flannel VXLAN overlay. */
export type NetworkMode = 'GlobalRouter' | 'Flannel';

/** Random draws a number in [0, 1); callers pass a seeded generator so every simulation replays the same. */
export type Random = () => number;

/** Vpc is a private network (`vpc-xxxxxxxx`) with its CIDR, e.g. the seed's 172.0.0.0/24. */
export interface Vpc {
  readonly id: string;
  readonly cidr: string;
}

/** VpcSubnet is a zone's slice of the VPC's CIDR (`subnet-xxxxxxxx`). */
export interface VpcSubnet {
  readonly id: string;
  readonly cidr: string;
  readonly zone: string;
}

/** NetworkNode is a node as the network sees it: its CVM's private IP, the physical host under it, its pod /24. */
export interface NetworkNode {
  readonly name: string;
  readonly privateIp: string;
  readonly hostIp: string;
  readonly podCidr: string;
  readonly zone: string;
  readonly publicIp?: string;
  /** ready is false for a NotReady node; a missing value means Ready. */
  readonly ready?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

/** NetworkPod is a pod as the network sees it: where it runs and its IP once it has one. */
export interface NetworkPod {
  readonly namespace: string;
  readonly name: string;
  readonly ip?: string;
  readonly nodeName?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** ready is false for a pod failing its readiness probe; a missing value means Ready. */
  readonly ready?: boolean;
}

/** GlobalRoute is one entry of the cluster's route table in the VPC: a node's pod range lives on that node's CVM. */
export interface GlobalRoute {
  readonly destination: string;
  readonly nextHop: string;
  readonly nodeName: string;
}

/** PeeringConnection joins the VPC to another VPC, or to the classic basic network, through the VPC gateway. */
export interface PeeringConnection {
  readonly id: string;
  readonly peerVpcId: string;
  readonly peerCidr: string;
  readonly kind?: 'vpc' | 'basic-network';
}

/** NatGateway gives nodes without a public IP a way out, with source NAT to its own public IP. */
export interface NatGateway {
  readonly id: string;
  readonly publicIp: string;
}

/** CdbInstance is a cloud database (`cdb-xxxxxxxx`) in the VPC that pods can reach by its VIP. */
export interface CdbInstance {
  readonly id: string;
  readonly vip: string;
  readonly port: number;
  readonly hostIp: string;
}

/** NetworkWorld is a snapshot of everything the network model reads: one cluster in one VPC. */
export interface NetworkWorld {
  readonly clusterId: string;
  readonly mode: NetworkMode;
  readonly vpc: Vpc;
  readonly subnets: readonly VpcSubnet[];
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly nodes: readonly NetworkNode[];
  readonly pods: readonly NetworkPod[];
  readonly services: readonly Service[];
  readonly endpoints: readonly Endpoints[];
  /** globalRoutes is the cluster's route table as the VPC holds it now (missing routes make packets drop). */
  readonly globalRoutes: readonly GlobalRoute[];
  readonly peerings: readonly PeeringConnection[];
  readonly natGateways: readonly NatGateway[];
  readonly cdbInstances: readonly CdbInstance[];
  /** clusterDomain defaults to cluster.local. */
  readonly clusterDomain?: string;
}

/** CLUSTER_DOMAIN is kubelet's default --cluster-domain. */
export const CLUSTER_DOMAIN = 'cluster.local';
