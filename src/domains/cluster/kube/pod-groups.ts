import type { Pod } from '../../../emulator/kube/index.js';
import { keyedGroup, kindGroup, type GroupingKey, type ObjectGroup } from '../../../emulator/kube/store-index.js';
import type { KubeCluster } from './kube.types.js';

/** BY_NODE files pods by spec.nodeName (unbound pods under undefined); declared once, as groupings are told apart by identity. */
export const BY_NODE: GroupingKey<Pod> = { keyOf: (pod) => pod.spec.nodeName };

/** podsOnNode is the pods bound to one node, in creation order, from the store's index. */
export function podsOnNode(cluster: KubeCluster, nodeName: string): ObjectGroup<Pod> {
  return keyedGroup<Pod>(cluster, 'Pod', BY_NODE, nodeName);
}

/** unboundPods is the pods no node has yet, in creation order. */
export function unboundPods(cluster: KubeCluster): ObjectGroup<Pod> {
  return keyedGroup<Pod>(cluster, 'Pod', BY_NODE, undefined);
}

/** allPods is every pod with its index entry (for per-write memos), in creation order. */
export function allPods(cluster: KubeCluster): ObjectGroup<Pod> {
  return kindGroup<Pod>(cluster, 'Pod');
}
