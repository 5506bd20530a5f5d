import { cidrContainsIp, parseCidr, parseIpv4 } from '../../iaas/ipv4.js';
import type { GlobalRoute, NetworkNode, NetworkWorld } from '../world/network-world.js';

/** VpcRoute is one entry of the VPC route table: which physical host holds an instance's private IP. */
export interface VpcRoute {
  readonly destination: string;
  readonly hostIp: string;
  readonly target: { readonly kind: 'cvm'; readonly nodeName: string } | { readonly kind: 'cdb'; readonly id: string };
}

/** vpcRouteTable is the VPC's own table: each CVM's IP on its physical host, and each CDB instance's VIP on its host. */
export function vpcRouteTable(world: Pick<NetworkWorld, 'nodes' | 'cdbInstances'>): VpcRoute[] {
  return [
    ...world.nodes.map((node): VpcRoute => ({ destination: node.privateIp, hostIp: node.hostIp, target: { kind: 'cvm', nodeName: node.name } })),
    ...world.cdbInstances.map((cdb): VpcRoute => ({ destination: cdb.vip, hostIp: cdb.hostIp, target: { kind: 'cdb', id: cdb.id } })),
  ];
}

/** lookupVpcRoute finds the host holding an instance address in the VPC route table. */
export function lookupVpcRoute(table: readonly VpcRoute[], ip: string): VpcRoute | undefined {
  return table.find((route) => route.destination === ip);
}

/** lookupGlobalRoute is a longest-prefix match of an address in the cluster's global route table. */
export function lookupGlobalRoute(routes: readonly GlobalRoute[], ip: string): GlobalRoute | undefined {
  const address = parseIpv4(ip);
  if (address === undefined) return undefined;
  let best: { route: GlobalRoute; prefix: number } | undefined;
  for (const route of routes) {
    const parsed = parseCidr(route.destination);
    if (!parsed.ok || !cidrContainsIp(parsed.cidr, address)) continue;
    if (best === undefined || parsed.cidr.prefix > best.prefix) best = { route, prefix: parsed.cidr.prefix };
  }
  return best?.route;
}

/** inCidr says whether an address lies in a CIDR given as text (false for bad text). */
export function inCidr(cidr: string, ip: string): boolean {
  const parsed = parseCidr(cidr);
  const address = parseIpv4(ip);
  return parsed.ok && address !== undefined && cidrContainsIp(parsed.cidr, address);
}

/** nodeForPodIp is the node whose pod range holds an address. */
export function nodeForPodIp(nodes: readonly NetworkNode[], ip: string): NetworkNode | undefined {
  return nodes.find((node) => inCidr(node.podCidr, ip));
}
