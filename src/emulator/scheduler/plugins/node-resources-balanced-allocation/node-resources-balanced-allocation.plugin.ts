/** NodeResourcesBalancedAllocation: prefer nodes whose cpu and memory would be used in equal shares (plugins/noderesources). */
import { MAX_NODE_SCORE, Status, type CycleState, type ScorePlugin, type ScoreTotals } from '../../framework.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';
import type { Resource } from '../../resource.js';

/** NODE_RESOURCES_BALANCED_ALLOCATION is the plugin's registry name. */
export const NODE_RESOURCES_BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';

/** balancedAllocationScore is (1 - |fcpu - fmem| / 2) * 100 over the requested fractions once the pod lands, each capped at 1. */
export function balancedAllocationScore(podRequests: Resource, node: NodeInfo): number {
  let first = -1;
  let std = 0;
  const cpu = node.allocatableMilliCPU;
  if (cpu !== 0) first = Math.min(1, (node.requestedMilliCPU + podRequests.milliCPU) / cpu);
  const memory = node.allocatableMemory;
  if (memory !== 0) {
    const fraction = Math.min(1, (node.requestedMemory + podRequests.memory) / memory);
    if (first >= 0) std = Math.abs((first - fraction) / 2);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** isBestEffort: the pod requests neither cpu nor memory. */
export function isBestEffort(podRequests: Resource): boolean {
  return podRequests.milliCPU === 0 && podRequests.memory === 0;
}

/** NodeResourcesBalancedAllocationPlugin scores balance; best-effort pods skip it (kubernetes#129138). */
export class NodeResourcesBalancedAllocationPlugin implements ScorePlugin {
  readonly name = NODE_RESOURCES_BALANCED_ALLOCATION;
  /** The balance reads only the pod's requests and the node's sums. */
  readonly nodeLocal = true;

  /** preScore skips pods without cpu and memory requests, lest they all pile onto one node. */
  preScore(_state: CycleState, pod: PodInfo): Status {
    return isBestEffort(pod.requests) ? Status.skip : Status.success;
  }

  /** score is balancedAllocationScore. */
  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return balancedAllocationScore(pod.requests, node);
  }

  /** addScores is score over every node in one loop. */
  addScores(_state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], weight: number, totals: ScoreTotals): void {
    const request = pod.requests;
    for (let i = 0; i < nodes.length; i++) totals[i] += balancedAllocationScore(request, nodes[i]) * weight;
  }
}
