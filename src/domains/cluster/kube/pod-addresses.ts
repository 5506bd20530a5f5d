import { parseCidr, parseIpv4 } from '../../../emulator/iaas/index.js';
import { flatString, type Node } from '../../../emulator/kube/index.js';
import type { KubeCluster } from './kube.types.js';
import { podsOnNode } from './pod-groups.js';

/** PodIpAllocator hands out a node's free pod IPs, lowest first. */
export type PodIpAllocator = () => string | undefined;

/** dotted prints an IPv4 address as a flat string (pods keep it for their lifetime). */
function dotted(address: number): string {
  return flatString(`${(address >>> 24) & 255}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`);
}

/**
 * podIpAllocator is the kubenet IPAM of one node: the lowest free address of its pod range from .2 (.1 is the node's
 * bridge), never one a pod on the node still holds. It reads the node's pods once; each call then takes the next free one.
 */
export function podIpAllocator(cluster: KubeCluster, node: Node): PodIpAllocator {
  const parsed = node.spec.podCIDR ? parseCidr(node.spec.podCIDR) : undefined;
  if (!parsed?.ok) return () => undefined;
  const { network, prefix } = parsed.cidr;
  const size = 2 ** (32 - prefix);
  // Plain words, not a typed array: one allocator per node per kubelet pass, and small typed arrays cost more to make than to use.
  const used = new Array<number>(Math.ceil(size / 32)).fill(0);
  const mark = (offset: number): void => void (used[offset >>> 5] |= 1 << (offset & 31));
  const taken = (offset: number): boolean => (used[offset >>> 5] & (1 << (offset & 31))) !== 0;
  // In a /24 or smaller range every address shares the first three octets: compare text, read the last octet.
  const base = prefix >= 24 ? dotted(network).slice(0, dotted(network).lastIndexOf('.') + 1) : undefined;
  for (const entry of podsOnNode(cluster, node.metadata.name ?? '').list()) {
    const ip = entry.object.status?.podIP;
    if (ip === undefined) continue;
    const offset = base === undefined ? (parseIpv4(ip) ?? -1) - network : ip.startsWith(base) ? Number(ip.slice(base.length)) - (network & 255) : -1;
    if (offset >= 0 && offset < size) mark(offset);
  }
  let next = 2;
  return () => {
    while (next < size - 1 && taken(next)) next++;
    if (next >= size - 1) return undefined;
    mark(next);
    return dotted(network + next++);
  };
}
