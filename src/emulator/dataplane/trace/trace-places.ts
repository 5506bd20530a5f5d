import { formatIpv4, parseCidr } from '../../iaas/ipv4.js';
import { inCidr, type NetworkNode, type NetworkPod, type NetworkWorld } from '../../network/index.js';

/** podAt labels a pod as a place on the path. */
export const podAt = (pod: NetworkPod): string => `pod ${pod.namespace}/${pod.name} (${pod.ip ?? 'no IP'})`;
/** nodeAt labels a node's VM (its guest kernel) as a place on the path. */
export const nodeAt = (node: NetworkNode): string => `node ${node.name} (CVM ${node.privateIp})`;
/** hostAt labels a physical host, where the VPC's virtual switch runs. */
export const hostAt = (hostIp: string): string => `host ${hostIp}`;

/** bridgeOf is the node's container bridge: kubenet's cbr0 under GlobalRouter, flannel's cni0 under Flannel. */
export const bridgeOf = (world: Pick<NetworkWorld, 'mode'>): string => (world.mode === 'Flannel' ? 'cni0' : 'cbr0');

/** firstHost is a range's .1: the VPC router in a subnet, the bridge in a node's pod range. */
export function firstHost(cidr: string): string {
  const parsed = parseCidr(cidr);
  return parsed.ok ? formatIpv4(parsed.cidr.network + 1) : cidr;
}

/** vpcGatewayIp is the VPC router's address in the node's subnet (its .1, which Tencent Cloud reserves). */
export function vpcGatewayIp(world: Pick<NetworkWorld, 'vpc' | 'subnets'>, node: NetworkNode): string {
  const subnet = world.subnets.find((s) => inCidr(s.cidr, node.privateIp));
  return firstHost(subnet?.cidr ?? world.vpc.cidr);
}
