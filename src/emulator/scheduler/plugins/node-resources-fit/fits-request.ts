/** The resource-fit rule of NodeResourcesFit (fitsRequest in plugins/noderesources/fit.go). */
import type { NodeInfo } from '../../node-info.js';
import type { Resource } from '../../resource.js';

// Insufficiency bits, in kube-scheduler's reporting order.
const TOO_MANY_PODS = 1;
const INSUFFICIENT_CPU = 2;
const INSUFFICIENT_MEMORY = 4;
const INSUFFICIENT_EPHEMERAL_STORAGE = 8;

const names: ReadonlyArray<[number, string]> = [
  [TOO_MANY_PODS, 'Too many pods'],
  [INSUFFICIENT_CPU, 'Insufficient cpu'],
  [INSUFFICIENT_MEMORY, 'Insufficient memory'],
  [INSUFFICIENT_EPHEMERAL_STORAGE, 'Insufficient ephemeral-storage'],
];

/** reasonsOf spells out an insufficiency mask. */
export function reasonsOf(mask: number): string[] {
  return names.filter(([bit]) => (mask & bit) !== 0).map(([, reason]) => reason);
}

/** insufficientMask checks pods, cpu, memory and ephemeral-storage; a zero request never fails its resource. */
export function insufficientMask(request: Resource, node: NodeInfo): number {
  let mask = 0;
  if (node.podCount + 1 > node.allowedPodNumber) mask |= TOO_MANY_PODS;
  const cpu = request.milliCPU;
  if (cpu > 0 && cpu > node.allocatableMilliCPU - node.requestedMilliCPU) mask |= INSUFFICIENT_CPU;
  const memory = request.memory;
  if (memory > 0 && memory > node.allocatableMemory - node.requestedMemory) mask |= INSUFFICIENT_MEMORY;
  const storage = request.ephemeralStorage;
  if (storage > 0 && storage > node.allocatableEphemeralStorage - node.requestedEphemeralStorage) mask |= INSUFFICIENT_EPHEMERAL_STORAGE;
  return mask;
}

/** insufficientScalars lists "Insufficient <name>" for extended resources the node cannot cover. */
export function insufficientScalars(request: Resource, node: NodeInfo): string[] {
  const out: string[] = [];
  if (!request.scalar) return out;
  for (const [name, quantity] of request.scalar) {
    if (quantity === 0) continue;
    const free = (node.allocatableScalar?.get(name) ?? 0) - (node.requestedScalar?.get(name) ?? 0);
    if (quantity > free) out.push(`Insufficient ${name}`);
  }
  return out;
}

/** fitsRequest returns every reason `request` does not fit on `node`; empty when it fits. */
export function fitsRequest(request: Resource, node: NodeInfo): string[] {
  return [...reasonsOf(insufficientMask(request, node)), ...insufficientScalars(request, node)];
}

/** leastRequestedScore is the free share of one resource on a 0-100 scale (0 when over capacity). */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * 100) / capacity);
}

/** leastAllocatedScore is LeastAllocated (cpu, memory weight 1): the mean free share once the pod lands, counting non-zero requests. */
export function leastAllocatedScore(podNonZero: Resource, node: NodeInfo): number {
  let score = 0;
  let weights = 0;
  const cpu = node.allocatableMilliCPU;
  if (cpu !== 0) {
    score += leastRequestedScore(node.nonZeroRequestedMilliCPU + podNonZero.milliCPU, cpu);
    weights++;
  }
  const memory = node.allocatableMemory;
  if (memory !== 0) {
    score += leastRequestedScore(node.nonZeroRequestedMemory + podNonZero.memory, memory);
    weights++;
  }
  return weights === 0 ? 0 : Math.floor(score / weights);
}
