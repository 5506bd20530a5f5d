import { getObject, listObjects, type Endpoints, type Node, type Pod, type Service } from '../../../emulator/kube/index.js';
import { DEFAULT_ROUTE_QUOTA, networkPodFromKube, type NetworkMode, type NetworkNode, type NetworkWorld } from '../../../emulator/network/index.js';
import type { ClusterView, KubeCluster } from '../../cluster/index.js';
import { emptyEgress, type EgressState } from '../model/egress.types.js';
import type { NetworkSettings, NetworkState } from '../model/network.types.js';

/** vpcIdOf names a cluster's VPC after the cluster (`cls-8xk2m0qa` lives in `vpc-8xk2m0qa`), so no random draw is needed. */
export const vpcIdOf = (clusterId: string): string => `vpc-${clusterId.replace(/^cls-/, '')}`;

/** CreatedSpec is what the network reads of a ClusterCreated event. */
export type CreatedSpec = Pick<ClusterView, 'accountId' | 'vpcCidr' | 'podCidr' | 'serviceCidr' | 'networkMode' | 'routeQuota'> & { clusterId: string };

/** settingsFromSpec is a cluster's network as created; clusters recorded before the network domain take the defaults. */
export function settingsFromSpec(spec: CreatedSpec): NetworkSettings {
  return {
    clusterId: spec.clusterId,
    accountId: spec.accountId,
    mode: (spec.networkMode ?? 'GlobalRouter') as NetworkMode,
    routeQuota: spec.routeQuota ?? DEFAULT_ROUTE_QUOTA,
    vpcId: vpcIdOf(spec.clusterId),
    vpcCidr: spec.vpcCidr,
    podCidr: spec.podCidr,
    serviceCidr: spec.serviceCidr,
  };
}

/** settingsOf is the network settings of a cluster as the read model shows it. */
export const settingsOf = (cluster: ClusterView): NetworkSettings => settingsFromSpec({ ...cluster, clusterId: cluster.id });

/** recentNodes remembers the last answer per node list, good while neither the list (pushed to in place) nor the object store changed. */
const recentNodes = new WeakMap<readonly unknown[], { kube: KubeCluster | undefined; revision: number | undefined; count: number; version: number; nodes: NetworkNode[] }>();

/** networkNodes are the cluster's CVMs (address, host, pod range) with their Kubernetes Node's readiness and labels. */
export function networkNodes(cluster: ClusterView, kube: KubeCluster | undefined): NetworkNode[] {
  const recent = recentNodes.get(cluster.nodes);
  const fresh = recent && recent.kube === kube && recent.revision === kube?.revision && recent.count === cluster.nodes.length && recent.version === cluster.version;
  if (fresh) return recent.nodes;
  const nodes = buildNodes(cluster, kube);
  recentNodes.set(cluster.nodes, { kube, revision: kube?.revision, count: cluster.nodes.length, version: cluster.version, nodes });
  return nodes;
}

function buildNodes(cluster: ClusterView, kube: KubeCluster | undefined): NetworkNode[] {
  return cluster.nodes.map((node) => {
    const object = kube && getObject<Node>(kube, 'Node', undefined, node.name);
    const ready = object ? object.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True' : true;
    const labels = object?.metadata.labels;
    return { name: node.name, privateIp: node.privateIp, hostIp: node.hostIp, podCidr: node.podCidr, zone: node.zone, ready, ...(labels ? { labels } : {}) };
  });
}

/** buildNetworkWorld is the snapshot the data plane reads: nodes from the cluster read model, pods, services and endpoints from the object store, routes from the network. */
export function buildNetworkWorld(cluster: ClusterView, kube: KubeCluster | undefined, network: NetworkState | undefined): NetworkWorld {
  const settings = network?.settings ?? settingsOf(cluster);
  return {
    clusterId: cluster.id,
    mode: settings.mode,
    vpc: { id: settings.vpcId, cidr: cluster.vpcCidr },
    subnets: [{ id: settings.vpcId.replace(/^vpc-/, 'subnet-'), cidr: cluster.vpcCidr, zone: cluster.zone }],
    podCidr: cluster.podCidr,
    serviceCidr: cluster.serviceCidr,
    nodes: withPublicIps(networkNodes(cluster, kube), cluster, network?.egress),
    pods: kube ? listObjects<Pod>(kube, 'Pod').map(networkPodFromKube) : [],
    services: kube ? listObjects<Service>(kube, 'Service') : [],
    endpoints: kube ? listObjects<Endpoints>(kube, 'Endpoints') : [],
    globalRoutes: network?.routes ?? [],
    ...egressWorld(network?.egress ?? emptyEgress()),
  };
}

/** withPublicIps gives each node the public IP bound to its CVM, if any. */
function withPublicIps(nodes: NetworkNode[], cluster: ClusterView, egress: EgressState | undefined): NetworkNode[] {
  if (!egress || Object.keys(egress.publicIps).length === 0) return nodes;
  const instances = new Map(cluster.nodes.map((n) => [n.name, n.instanceId]));
  return nodes.map((node) => {
    const ip = egress.publicIps[node.name];
    return ip && ip.instanceId === instances.get(node.name) ? { ...node, publicIp: ip.publicIp } : node;
  });
}

/** egressWorld is the VPC's way out as the data plane reads it: NAT gateways oldest first, peerings and CDB instances. */
function egressWorld(egress: EgressState): Pick<NetworkWorld, 'peerings' | 'natGateways' | 'cdbInstances'> {
  const byCreation = <T extends { createdAt: string; id: string }>(list: T[]) => list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return {
    natGateways: byCreation(Object.values(egress.natGateways)).map(({ id, publicIp }) => ({ id, publicIp })),
    peerings: byCreation(Object.values(egress.peerings)).map((p) => ({ id: p.id, peerVpcId: p.peerVpcId ?? '', peerCidr: p.peerVpcCidr, kind: p.basicNetwork ? 'basic-network' : 'vpc' })),
    cdbInstances: byCreation(Object.values(egress.cdbInstances)).map(({ id, vip, port, hostIp }) => ({ id, vip, port, hostIp })),
  };
}
