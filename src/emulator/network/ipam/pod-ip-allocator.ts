import { cidrSize, formatIpv4, parseIpv4 } from '../../iaas/ipv4.js';
import { invalid } from '../../kube/validation/field-error.js';
import { rejectWith } from '../errors/network-input-error.js';
import { cidrOrReject } from './cidr-text.js';

/** PodIpRange is the part of a node's pod CIDR that pods may use: .0 is the network, .1 the bridge (cbr0), the last the broadcast. */
export interface PodIpRange {
  readonly first: string;
  readonly last: string;
  readonly gateway: string;
}

/** podIpRange gives a node's usable pod addresses and its bridge gateway, as host-local IPAM sees them. */
export function podIpRange(podCidr: string, field = 'spec.podCIDR'): PodIpRange {
  const cidr = cidrOrReject(podCidr, field);
  if (cidr.prefix > 30) rejectWith(invalid(field, podCidr, 'must leave room for a bridge and at least one pod (prefix at most /30)'));
  const last = cidr.network + cidrSize(cidr) - 2;
  return { first: formatIpv4(cidr.network + 2), last: formatIpv4(last), gateway: formatIpv4(cidr.network + 1) };
}

/** allocatePodIp gives the lowest free address of the node's pod CIDR (the seed's first pod is .2), never one in use. */
export function allocatePodIp(podCidr: string, inUse: Iterable<string>, field = 'status.podIP'): string {
  const range = podIpRange(podCidr);
  const used = new Set(inUse);
  const first = parseIpv4(range.first)!;
  const last = parseIpv4(range.last)!;
  for (let address = first; address <= last; address++) {
    const ip = formatIpv4(address);
    if (!used.has(ip)) return ip;
  }
  // Worded as the host-local IPAM plugin words it inside FailedCreatePodSandBox.
  return rejectWith(invalid(field, podCidr, `failed to allocate for range 0: no IP addresses available in range set: ${range.first}-${range.last}`));
}
