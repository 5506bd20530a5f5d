import type { Pod, ResourceList } from './pod.js';
import { parseQuantity } from './quantity.js';

const COMPUTE = ['cpu', 'memory'] as const;

/** qosClass classifies a pod as the kubelet does (Guaranteed, Burstable or BestEffort). */
export function qosClass(pod: Pick<Pod, 'spec'>): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  let anySet = false;
  let guaranteed = true;
  for (const container of containers) {
    const limits: ResourceList = container.resources?.limits ?? {};
    const requests: ResourceList = { ...limits, ...(container.resources?.requests ?? {}) };
    for (const resource of COMPUTE) {
      if (requests[resource] !== undefined || limits[resource] !== undefined) anySet = true;
      const limit = parseQuantity(limits[resource]);
      if (limit === undefined || parseQuantity(requests[resource]) !== limit) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
