import { getObject, type Node } from '../../../emulator/kube/index.js';
import type { KubeCluster } from '../kube/kube.types.js';
import type { NodeView } from '../projections/clusters.projection.js';

/** withKubeNodeStatus shows each CVM with its Kubernetes Node's live conditions and taints. */
export function withKubeNodeStatus(nodes: readonly NodeView[], kube: KubeCluster | undefined) {
  return nodes.map((node) => {
    const object = kube && getObject<Node>(kube, 'Node', undefined, node.name);
    const taints = object?.spec.taints ?? [];
    return { ...node, conditions: object?.status.conditions ?? node.conditions, taints, unschedulable: object?.spec.unschedulable ?? false };
  });
}
