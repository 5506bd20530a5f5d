/** NodeResourcesFit: the node must have room for the pod's requests; emptier nodes score higher (plugins/noderesources). */
import { StateKey, Status, type CycleState, type FilterPlugin, type PreFilterPlugin, type ScorePlugin, type ScoreTotals } from '../../framework.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';
import type { Resource } from '../../resource.js';
import { insufficientMask, insufficientScalars, leastAllocatedScore, reasonsOf } from './fits-request.js';

/** NODE_RESOURCES_FIT is the plugin's registry name. */
export const NODE_RESOURCES_FIT = 'NodeResourcesFit';

const preFilterKey = new StateKey<Resource>('PreFilterNodeResourcesFit');

// One immutable Status per combination of the four fixed reasons, so a full cluster allocates nothing per node.
const statusByMask: readonly Status[] = Array.from({ length: 16 }, (_, mask) => Status.unschedulable(...reasonsOf(mask)));

/** NodeResourcesFitPlugin filters on requests vs allocatable and scores LeastAllocated. */
export class NodeResourcesFitPlugin implements PreFilterPlugin, FilterPlugin, ScorePlugin {
  readonly name = NODE_RESOURCES_FIT;
  /** The fit and LeastAllocated read only the pod's requests and the node's sums. */
  readonly nodeLocal = true;

  /** preFilter records the pod's requests (max of containers' sum and each init container). */
  preFilter(state: CycleState, pod: PodInfo): Status {
    state.write(preFilterKey, pod.requests);
    return Status.success;
  }

  /** filter rejects a node lacking room, with every insufficient resource as a reason (Unschedulable). */
  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status {
    const request = state.read(preFilterKey);
    const mask = insufficientMask(request, node);
    if (request.scalar === undefined) return mask === 0 ? Status.success : statusByMask[mask];
    const scalars = insufficientScalars(request, node);
    if (mask === 0 && scalars.length === 0) return Status.success;
    return Status.unschedulable(...reasonsOf(mask), ...scalars);
  }

  /** score is LeastAllocated over cpu and memory. */
  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return leastAllocatedScore(pod.nonZeroRequests, node);
  }

  /** addScores is score over every node in one loop. */
  addScores(_state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], weight: number, totals: ScoreTotals): void {
    const request = pod.nonZeroRequests;
    for (let i = 0; i < nodes.length; i++) totals[i] += leastAllocatedScore(request, nodes[i]) * weight;
  }
}
