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
  const { network } = parsed.cidr;
  const size = 2 ** (32 - parsed.cidr.prefix);
  const used = new Uint8Array(size);
  for (const entry of podsOnNode(cluster, node.metadata.name ?? '').list()) {
    const ip = entry.object.status?.podIP;
    const offset = ip === undefined ? -1 : (parseIpv4(ip) ?? -1) - network;
    if (offset >= 0 && offset < size) used[offset] = 1;
  }
  let next = 2;
  return () => {
    while (next < size - 1 && used[next] === 1) next++;
    if (next >= size - 1) return undefined;
    used[next] = 1;
    return dotted(network + next++);
  };
}
