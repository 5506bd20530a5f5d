import { getObject, type Node } from '../../../emulator/kube/index.js';
import { withHeartbeats } from '../kube/heartbeats.js';
import type { KubeCluster } from '../kube/kube.types.js';
import type { NodeView } from '../projections/clusters.projection.js';

/** withKubeNodeStatus shows each CVM with its Kubernetes Node's live conditions (heartbeats as of now) and taints. */
export function withKubeNodeStatus(nodes: readonly NodeView[], kube: KubeCluster | undefined, now: number) {
  return nodes.map((node) => {
    const stored = kube && getObject<Node>(kube, 'Node', undefined, node.name);
    const object = stored && kube ? withHeartbeats(kube, stored, now) : stored;
    const taints = object?.spec.taints ?? [];
    return { ...node, conditions: object?.status.conditions ?? node.conditions, taints, unschedulable: object?.spec.unschedulable ?? false };
  });
}
