import { parseCidr, parseIpv4 } from '../../../emulator/iaas/index.js';
import { flatString, type Node, type Pod } from '../../../emulator/kube/index.js';
import { tallyValues, type IndexedObject } from '../../../emulator/kube/store-index.js';
import type { KubeCluster } from './kube.types.js';
import { podsOnNode } from './pod-groups.js';

/** PodIpAllocator hands out a node's free pod IPs, lowest first. */
export type PodIpAllocator = () => string | undefined;

/** dotted prints an IPv4 address as a flat string (pods keep it for their lifetime). */
function dotted(address: number): string {
  return flatString(`${(address >>> 24) & 255}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`);
}

/** NodeRange is a node's pod range, parsed once: its network, size, the text every address shares, and how to read an address's offset. */
interface NodeRange {
  readonly network: number;
  readonly size: number;
  /** tally names the running tally of the addresses held in this range. */
  readonly tally: string;
  readonly offsetOf: (entry: IndexedObject<Pod>) => number;
}

/** ranges memoizes parsed pod ranges by their CIDR text (a cluster's nodes never change theirs). */
const ranges = new Map<string, NodeRange | undefined>();
const RANGES_KEPT = 100_000;

function rangeOf(podCidr: string): NodeRange | undefined {
  if (ranges.has(podCidr)) return ranges.get(podCidr);
  const parsed = parseCidr(podCidr);
  let range: NodeRange | undefined;
  if (parsed.ok) {
    const { network, prefix } = parsed.cidr;
    const size = 2 ** (32 - prefix);
    // In a /24 or smaller range every address shares the first three octets: compare text, read the last octet.
    const base = prefix >= 24 ? dotted(network).slice(0, dotted(network).lastIndexOf('.') + 1) : undefined;
    const offsetOf = (entry: IndexedObject<Pod>): number => {
      const ip = entry.object.status?.podIP;
      if (ip === undefined) return NaN;
      const offset = base === undefined ? (parseIpv4(ip) ?? -1) - network : ip.startsWith(base) ? Number(ip.slice(base.length)) - (network & 255) : -1;
      return offset >= 0 && offset < size ? offset : NaN;
    };
    range = { network, size, tally: flatString(`pod IPs ${podCidr}`), offsetOf };
  }
  if (ranges.size >= RANGES_KEPT) ranges.clear();
  ranges.set(podCidr, range);
  return range;
}

/**
 * podIpAllocator is the kubenet IPAM of one node: the lowest free address of its pod range from .2 (.1 is the node's
 * bridge), never one a pod on the node still holds. The addresses held are a running tally of the node's pods (kept by
 * the store's index, so a pass reads only the pods written since the last); each call takes the next free one.
 */
export function podIpAllocator(cluster: KubeCluster, node: Node): PodIpAllocator {
  const range = node.spec.podCIDR ? rangeOf(node.spec.podCIDR) : undefined;
  if (!range) return () => undefined;
  const { network, size } = range;
  const held = tallyValues(podsOnNode(cluster, node.metadata.name ?? ''), range.tally, range.offsetOf);
  const given = new Set<number>();
  let next = 2;
  return () => {
    while (next < size - 1 && (held.has(next) || given.has(next))) next++;
    if (next >= size - 1) return undefined;
    given.add(next);
    return dotted(network + next++);
  };
}
