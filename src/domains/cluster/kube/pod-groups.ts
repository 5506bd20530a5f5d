import type { Pod } from '../../../emulator/kube/index.js';
import { podStageOf } from '../../../emulator/kubelet/index.js';
import { keyedGroup, kindGroup, type GroupingKey, type ObjectGroup } from '../../../emulator/kube/store-index.js';
import type { KubeCluster } from './kube.types.js';

/** BY_NODE files pods by spec.nodeName (unbound pods under undefined); declared once, as groupings are told apart by identity. */
export const BY_NODE: GroupingKey<Pod> = { keyOf: (pod) => pod.spec.nodeName };

/** BY_STAGE files pods by the kubelet stage they wait for (none: nothing to do), so the kubelets look only at pods in flight. */
export const BY_STAGE: GroupingKey<Pod> = { keyOf: (pod) => (pod.spec.nodeName ? podStageOf(pod)?.name : undefined) };

/** podsAwaiting is the pods waiting for one kubelet stage. */
export function podsAwaiting(cluster: KubeCluster, stage: string): ObjectGroup<Pod> {
  return keyedGroup<Pod>(cluster, 'Pod', BY_STAGE, stage);
}

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
