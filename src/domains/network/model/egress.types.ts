/** NodePublicIpRecord is an elastic public IP bound to one node's CVM (by instance, so a later node reusing the name does not inherit it). */
export interface NodePublicIpRecord {
  readonly nodeName: string;
  readonly instanceId: string;
  readonly publicIp: string;
  readonly assignedAt: string;
}

/** NatGatewayRecord is a NAT gateway (`nat-xxxxxxxx`) of the cluster's VPC, with its public IP and bandwidth cap. */
export interface NatGatewayRecord {
  readonly id: string;
  readonly publicIp: string;
  readonly bandwidthMbps: number;
  readonly createdAt: string;
}

/** VpcPeeringRecord is a peering connection (`pcx-xxxxxxxx`) through the VPC gateway, to another VPC or to the account's basic network. */
export interface VpcPeeringRecord {
  readonly id: string;
  readonly name: string;
  /** peerVpcId is absent for the basic network, which is not a VPC. */
  readonly peerVpcId?: string;
  readonly peerVpcCidr: string;
  readonly basicNetwork: boolean;
  readonly createdAt: string;
}

/** CdbInstanceRecord is a cloud database (`cdb-xxxxxxxx`) with a VIP in the VPC, on a physical database host. */
export interface CdbInstanceRecord {
  readonly id: string;
  readonly name: string;
  readonly vip: string;
  readonly port: number;
  readonly hostIp: string;
  readonly createdAt: string;
}

/** EgressState is how a cluster's VPC reaches beyond itself: node public IPs (by node name), NAT gateways, peerings and CDB instances, by id. */
export interface EgressState {
  readonly publicIps: Readonly<Record<string, NodePublicIpRecord>>;
  readonly natGateways: Readonly<Record<string, NatGatewayRecord>>;
  readonly peerings: Readonly<Record<string, VpcPeeringRecord>>;
  readonly cdbInstances: Readonly<Record<string, CdbInstanceRecord>>;
  /** cdbHostsUsed counts CDB instances ever created, so each lands on a fresh database host. */
  readonly cdbHostsUsed: number;
}

/** emptyEgress is a new cluster's: no way out of the VPC yet. */
export const emptyEgress = (): EgressState => ({ publicIps: {}, natGateways: {}, peerings: {}, cdbInstances: {}, cdbHostsUsed: 0 });

type Ref = { clusterId: string; at: string };
/** ClusterNode is what the cluster domain says of a node a command names, or undefined for no such node. */
type ClusterNode = { readonly instanceId: string } | undefined;

/** EgressCommand is what a user asks of a cluster's way out; ids and public IPs were drawn by the handler, cluster facts read by it. */
export type EgressCommand =
  | { type: 'AssignPublicIp'; data: Ref & { nodeName: string; node: ClusterNode; publicIp: string } }
  | { type: 'ReleasePublicIp'; data: Ref & { nodeName: string } }
  | { type: 'CreateNatGateway'; data: Ref & { id: string; publicIp: string; bandwidthMbps: number } }
  | { type: 'DeleteNatGateway'; data: Ref & { id: string } }
  | { type: 'CreateVpcPeering'; data: Ref & { id: string; name: string; peerVpcId?: string; peerVpcCidr?: string; basicNetwork: boolean } }
  | { type: 'DeleteVpcPeering'; data: Ref & { id: string } }
  | { type: 'CreateCdbInstance'; data: Ref & { id: string; name: string; port: number; nodeIps: readonly string[] } }
  | { type: 'DeleteCdbInstance'; data: Ref & { id: string } };

/** EgressEvent is what happened to a cluster's way out, as persisted on its network stream (types never renamed). */
export type EgressEvent =
  | { type: 'PublicIpAssigned'; data: { clusterId: string } & NodePublicIpRecord }
  | { type: 'PublicIpReleased'; data: Ref & { nodeName: string; instanceId: string; publicIp: string } }
  | { type: 'NatGatewayCreated'; data: { clusterId: string } & NatGatewayRecord }
  | { type: 'NatGatewayDeleted'; data: Ref & { id: string; publicIp: string } }
  | { type: 'VpcPeeringCreated'; data: { clusterId: string } & VpcPeeringRecord }
  | { type: 'VpcPeeringDeleted'; data: Ref & { id: string } }
  | { type: 'CdbInstanceCreated'; data: { clusterId: string } & CdbInstanceRecord }
  | { type: 'CdbInstanceDeleted'; data: Ref & { id: string; vip: string } };

/** EGRESS_EVENTS are the persisted egress event types. */
export const EGRESS_EVENTS: readonly EgressEvent['type'][] = [
  'PublicIpAssigned',
  'PublicIpReleased',
  'NatGatewayCreated',
  'NatGatewayDeleted',
  'VpcPeeringCreated',
  'VpcPeeringDeleted',
  'CdbInstanceCreated',
  'CdbInstanceDeleted',
];

/** NAT_BANDWIDTHS_MBPS are the bandwidth caps a VPC NAT gateway is sold with. */
export const NAT_BANDWIDTHS_MBPS = [20, 50, 100, 200, 500, 1000, 2000, 5000] as const;

/** BASIC_NETWORK_CIDR is where the emulator places an account's basic network: inside 10.0.0.0/8 as Tencent's is, clear of the default container range 10.0.0.0/14 and the physical hosts' 10.172.0.0/16. */
export const BASIC_NETWORK_CIDR = '10.64.0.0/10';

/** CDB_DEFAULT_PORT is MySQL's, a CDB instance's default. */
export const CDB_DEFAULT_PORT = 3306;
