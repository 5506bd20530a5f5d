import { cidrSize, formatCidr, formatIpv4, parseCidr, parseIpv4, subnet, subnetCount, type Cidr } from '../../../emulator/iaas/index.js';
import { invalid } from '../../../platform/kernel/index.js';
import type { ClusterState } from './cluster.types.js';

/** NODE_POD_PREFIX is the size of each node's pod subnet. */
export const NODE_POD_PREFIX = 24;

/** NodeSlot is the addresses one new node takes. */
export interface NodeSlot {
  readonly privateIp: string;
  readonly podCidr: string;
  readonly hostOrdinal: number;
}

const cidr = (text: string): Cidr => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`recorded range ${text} is invalid`);
  return parsed.cidr;
};

/** freeVpcAddresses lists a VPC's usable addresses, lowest first: not the network, the gateway (.1) or broadcast. */
function freeVpcAddresses(vpc: Cidr, used: ReadonlySet<number>, wanted: number): number[] {
  const free: number[] = [];
  const last = vpc.network + cidrSize(vpc) - 2;
  for (let address = vpc.network + 2; address <= last && free.length < wanted; address++) {
    if (!used.has(address)) free.push(address);
  }
  return free;
}

function freePodSubnets(pods: Cidr, used: ReadonlySet<string>, wanted: number): string[] {
  const free: string[] = [];
  const total = subnetCount(pods, NODE_POD_PREFIX);
  for (let i = 0; i < total && free.length < wanted; i++) {
    const candidate = formatCidr(subnet(pods, NODE_POD_PREFIX, i));
    if (!used.has(candidate)) free.push(candidate);
  }
  return free;
}

/** allocateNodes takes the lowest free VPC addresses and pod subnets for `count` nodes, or says which range ran out. */
export function allocateNodes(state: ClusterState, count: number): NodeSlot[] {
  const nodes = Object.values(state.nodes);
  const ips = freeVpcAddresses(cidr(state.vpcCidr), new Set(nodes.map((n) => parseIpv4(n.privateIp)!)), count);
  if (ips.length < count) {
    throw invalid('count', count, `vpcCidr ${state.vpcCidr} has only ${ips.length} free addresses left`);
  }
  const subnets = freePodSubnets(cidr(state.podCidr), new Set(nodes.map((n) => n.podCidr)), count);
  if (subnets.length < count) {
    throw invalid('count', count, `podCidr ${state.podCidr} has only ${subnets.length} free /${NODE_POD_PREFIX} node subnets left`);
  }
  return ips.map((ip, i) => ({ privateIp: formatIpv4(ip), podCidr: subnets[i], hostOrdinal: state.hostsUsed + i }));
}
