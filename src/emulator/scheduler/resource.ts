/** Resource quantities as kube-scheduler compares them: millicores, bytes, counts. */
import { integerValue, milliValue, type Container, type Pod, type ResourceList } from '../kube/index.js';

/** DEFAULT_MILLI_CPU_REQUEST is what kube-scheduler counts for a container without a cpu request (0.1 core). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** DEFAULT_MEMORY_REQUEST is what kube-scheduler counts for a container without a memory request (200 MB). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** isScalarResourceName: extended (`example.com/gpu`), hugepages and attachable-volumes resources. */
export function isScalarResourceName(name: string): boolean {
  return name.startsWith('hugepages-') || name.startsWith('attachable-volumes-') || (name.includes('/') && !name.startsWith('requests.'));
}

/** Resource is framework.Resource: mutable sums kept incrementally on each NodeInfo. */
export class Resource {
  milliCPU = 0;
  memory = 0;
  ephemeralStorage = 0;
  allowedPodNumber = 0;
  scalar: Map<string, number> | undefined;

  /** fromList reads a ResourceList (allocatable, or one container's requests). */
  static fromList(list: ResourceList | undefined): Resource {
    const r = new Resource();
    if (!list) return r;
    for (const [name, quantity] of Object.entries(list)) {
      if (quantity === undefined) continue;
      if (name === 'cpu') r.milliCPU = milliValue(quantity);
      else if (name === 'memory') r.memory = integerValue(quantity);
      else if (name === 'ephemeral-storage') r.ephemeralStorage = integerValue(quantity);
      else if (name === 'pods') r.allowedPodNumber = integerValue(quantity);
      else if (isScalarResourceName(name)) r.setScalar(name, integerValue(quantity));
    }
    return r;
  }

  /** setScalar sets one extended resource. */
  setScalar(name: string, value: number): void {
    (this.scalar ??= new Map()).set(name, value);
  }

  /** add adds `other` times `sign` (1 or -1) into this. */
  add(other: Resource, sign = 1): void {
    this.milliCPU += sign * other.milliCPU;
    this.memory += sign * other.memory;
    this.ephemeralStorage += sign * other.ephemeralStorage;
    this.allowedPodNumber += sign * other.allowedPodNumber;
    if (other.scalar) for (const [name, v] of other.scalar) this.setScalar(name, (this.scalar?.get(name) ?? 0) + sign * v);
  }

  /** max raises each dimension of this to at least `other`'s. */
  max(other: Resource): void {
    this.milliCPU = Math.max(this.milliCPU, other.milliCPU);
    this.memory = Math.max(this.memory, other.memory);
    this.ephemeralStorage = Math.max(this.ephemeralStorage, other.ephemeralStorage);
    this.allowedPodNumber = Math.max(this.allowedPodNumber, other.allowedPodNumber);
    if (other.scalar) for (const [name, v] of other.scalar) this.setScalar(name, Math.max(this.scalar?.get(name) ?? 0, v));
  }

  /** clone copies this. */
  clone(): Resource {
    const r = new Resource();
    r.add(this);
    return r;
  }
}

function containerRequests(container: Container, withDefaults: boolean): Resource {
  const requests = container.resources?.requests;
  const r = Resource.fromList(requests);
  if (withDefaults) {
    // Only a missing request gets the default; an explicit 0 stays 0 (GetNonzeroRequestForResource).
    if (requests?.cpu === undefined) r.milliCPU += DEFAULT_MILLI_CPU_REQUEST;
    if (requests?.memory === undefined) r.memory += DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/** podRequests is resourcehelper.PodRequests: max(sum of containers, each init container) plus overhead; `withDefaults` = non-zero. */
export function podRequests(pod: Pod, withDefaults: boolean): Resource {
  const total = new Resource();
  for (const c of pod.spec.containers ?? []) total.add(containerRequests(c, withDefaults));
  const sidecars = new Resource();
  const initMax = new Resource();
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequests(c, withDefaults);
    if ((c as { restartPolicy?: string }).restartPolicy === 'Always') {
      total.add(r);
      sidecars.add(r);
      initMax.max(sidecars);
    } else {
      r.add(sidecars);
      initMax.max(r);
    }
  }
  total.max(initMax);
  const overhead = (pod.spec as { overhead?: ResourceList }).overhead;
  if (overhead) total.add(Resource.fromList(overhead));
  return total;
}
