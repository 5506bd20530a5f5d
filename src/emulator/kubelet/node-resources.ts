import type { InstanceType } from '../iaas/instance-types.js';
import { formatBytesKi, formatCpu, GIB, MIB } from './quantity.js';

/** NodeResources is a node's capacity or allocatable, as Kubernetes quantities. */
export interface NodeResources {
  readonly cpu: string;
  readonly memory: string;
  readonly pods: string;
  readonly ephemeralStorage: string;
}

/** SYSTEM_DISK_GIB is the size of a CVM's system disk, which backs the node's ephemeral storage. */
export const SYSTEM_DISK_GIB = 50;
const EVICTION_MEMORY_BYTES = 100 * MIB;
const EVICTION_NODEFS_FRACTION = 0.1;

/** tiered applies reservation rates to successive slices of a quantity. */
function tiered(amount: number, tiers: ReadonlyArray<readonly [number, number]>): number {
  let reserved = 0;
  let rest = amount;
  for (const [slice, rate] of tiers) {
    const part = Math.min(rest, slice);
    reserved += part * rate;
    rest -= part;
  }
  return reserved;
}

/** reservedCpuMillicores: 6% of the first core, 1% of the second, 0.5% up to 4, 0.25% above. */
export function reservedCpuMillicores(cores: number): number {
  return Math.round(tiered(cores * 1000, [[1000, 0.06], [1000, 0.01], [2000, 0.005], [Infinity, 0.0025]]));
}

/** reservedMemoryBytes: 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% to 128, 2% above. */
export function reservedMemoryBytes(memoryGiB: number): number {
  const gib = tiered(memoryGiB, [[4, 0.25], [4, 0.2], [8, 0.1], [112, 0.06], [Infinity, 0.02]]);
  return Math.round(gib * GIB);
}

/** maxPods is what a node's pod subnet can address, minus network, gateway and broadcast. */
export function maxPods(podCidrPrefix: number): number {
  return 2 ** (32 - podCidrPrefix) - 3;
}

/** nodeCapacity is what the kubelet reports for a CVM of this type. */
export function nodeCapacity(type: InstanceType, podCidrPrefix: number): NodeResources {
  return {
    cpu: formatCpu(type.cpu * 1000),
    memory: formatBytesKi(type.memoryGiB * GIB),
    pods: String(maxPods(podCidrPrefix)),
    ephemeralStorage: formatBytesKi(SYSTEM_DISK_GIB * GIB),
  };
}

/** nodeAllocatable is capacity minus kube/system reservations and the hard eviction thresholds. */
export function nodeAllocatable(type: InstanceType, podCidrPrefix: number): NodeResources {
  const diskBytes = SYSTEM_DISK_GIB * GIB;
  return {
    cpu: formatCpu(type.cpu * 1000 - reservedCpuMillicores(type.cpu)),
    memory: formatBytesKi(type.memoryGiB * GIB - reservedMemoryBytes(type.memoryGiB) - EVICTION_MEMORY_BYTES),
    pods: String(maxPods(podCidrPrefix)),
    ephemeralStorage: formatBytesKi(diskBytes - diskBytes * EVICTION_NODEFS_FRACTION),
  };
}
