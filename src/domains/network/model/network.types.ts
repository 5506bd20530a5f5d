import type { ApplicationClb, Clb, GlobalRoute, NetworkMode } from '../../../emulator/network/index.js';
import type { NodeLeftNetwork } from './egress.evolve.js';
import { EGRESS_EVENTS, type EgressCommand, type EgressEvent, type EgressState } from './egress.types.js';

/** networkStream is the stream of one cluster's network: its route table in the VPC and its CLBs. */
export const networkStream = (clusterId: string): string => `network-${clusterId}`;

/** LoadBalancerKind is what a CLB was made for: a Service of type LoadBalancer (layer 4) or an Ingress (layer 7). */
export type LoadBalancerKind = 'Service' | 'Ingress';

/** LoadBalancerSpec is what the CLB forwards: listeners to node ports, or forwarding rules by host and path. */
export type LoadBalancerSpec = { readonly clb: Clb } | { readonly application: ApplicationClb };

/** LoadBalancerRecord is one CLB as the cloud holds it. */
export interface LoadBalancerRecord {
  readonly id: string;
  readonly vip: string;
  readonly kind: LoadBalancerKind;
  readonly namespace: string;
  readonly name: string;
  readonly status: 'Provisioning' | 'Active';
  readonly createdAt: string;
  readonly readyAt: string;
  readonly spec: LoadBalancerSpec;
}

/** NetworkSettings are a cluster's network as created: mode, route quota, VPC and ranges. */
export interface NetworkSettings {
  readonly clusterId: string;
  readonly accountId: string;
  readonly mode: NetworkMode;
  readonly routeQuota: number;
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly podCidr: string;
  readonly serviceCidr: string;
}

/** NetworkState is one cluster's network: its settings, the route table in the VPC, and its CLBs by id. */
export interface NetworkState {
  readonly status: 'absent' | 'active';
  readonly settings?: NetworkSettings;
  readonly routes: readonly GlobalRoute[];
  readonly loadBalancers: Readonly<Record<string, LoadBalancerRecord>>;
  /** egress is the VPC's way out: node public IPs, NAT gateways, peerings, and its CDB instances. */
  readonly egress: EgressState;
  /** simulations counts the traffic and request simulations recorded. */
  readonly simulations: number;
}

type Route = GlobalRoute & { clusterId: string; at: string };
type LbRef = { clusterId: string; id: string; at: string };

/** NetworkCommand is what the cloud provider's controllers and the simulations ask of a cluster's network. */
export type NetworkCommand =
  | { type: 'ReconcileRoutes'; data: { clusterId: string; at: string; add: readonly GlobalRoute[]; remove: readonly GlobalRoute[] } }
  | { type: 'ProvisionLoadBalancer'; data: Omit<LoadBalancerRecord, 'status'> & { clusterId: string } }
  | { type: 'EnsureLoadBalancer'; data: LbRef }
  | { type: 'UpdateLoadBalancer'; data: LbRef & { spec: LoadBalancerSpec } }
  | { type: 'DeleteLoadBalancer'; data: LbRef }
  | { type: 'RecordTraffic'; data: { clusterId: string; loadBalancerId: string; requests: number; delivered: number; perNode: Record<string, number>; at: string } }
  | { type: 'RecordRequest'; data: { clusterId: string; ingress: string; host: string; path: string; status: number; at: string } }
  | EgressCommand;

/** NetworkEvent is what happened to a cluster's network, as persisted (types never renamed). */
export type NetworkEvent =
  /** ClusterNetworkCreated is folded from the cluster domain's ClusterCreated (not written to the network stream), so a new cluster has its network at once. */
  | { type: 'ClusterNetworkCreated'; data: NetworkSettings & { at: string } }
  | { type: 'RouteCreated'; data: Route }
  | { type: 'RouteDeleted'; data: Route }
  | { type: 'LoadBalancerProvisioning'; data: Omit<LoadBalancerRecord, 'status'> & { clusterId: string } }
  | { type: 'LoadBalancerEnsured'; data: LbRef }
  | { type: 'LoadBalancerUpdated'; data: LbRef & { spec: LoadBalancerSpec } }
  | { type: 'LoadBalancerDeleted'; data: LbRef & { kind: LoadBalancerKind; namespace: string; name: string } }
  | { type: 'TrafficSimulated'; data: Extract<NetworkCommand, { type: 'RecordTraffic' }>['data'] }
  | { type: 'RequestSimulated'; data: Extract<NetworkCommand, { type: 'RecordRequest' }>['data'] }
  | EgressEvent
  | NodeLeftNetwork;

/** NETWORK_EVENTS are the persisted event types of the network stream (never renamed). */
export const NETWORK_EVENTS: ReadonlySet<string> = new Set([
  'RouteCreated',
  'RouteDeleted',
  'LoadBalancerProvisioning',
  'LoadBalancerEnsured',
  'LoadBalancerUpdated',
  'LoadBalancerDeleted',
  'TrafficSimulated',
  'RequestSimulated',
  ...EGRESS_EVENTS,
]);
