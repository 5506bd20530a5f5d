import type { ObjectStore } from '../kube/index.js';
import type { Pod } from '../kube/pod.js';
import { volumesAttachedOnNode } from '../storage/node-volumes.js';
import type { PodStage } from './pod-stages.js';

/** stageGateOpen says whether the kubelet may move the pod through the stage now: stages without a gate always may. */
export function stageGateOpen(stage: PodStage, pod: Pod, store: ObjectStore): boolean {
  if (stage.gate === undefined) return true;
  return volumesAttachedOnNode(pod, store);
}
