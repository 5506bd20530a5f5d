/** NodeUnschedulable: cordoned nodes take only pods tolerating node.kubernetes.io/unschedulable (plugins/nodeunschedulable). */
import { TAINT_UNSCHEDULABLE, type Taint } from '../../../kube/index.js';
import { Status, type CycleState, type FilterPlugin, type PreFilterPlugin } from '../../framework.js';
import { tolerationsTolerateTaint } from '../../helpers/tolerations.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';

/** NODE_UNSCHEDULABLE is the plugin's registry name. */
export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';
/** ERR_REASON_UNSCHEDULABLE is kube-scheduler's reason for a cordoned node. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const unschedulableTaint: Taint = { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' };
const rejected = Status.unresolvable(ERR_REASON_UNSCHEDULABLE);

/** fitsUnschedulable: the node is not cordoned, or the pod tolerates the unschedulable taint. */
export function fitsUnschedulable(pod: PodInfo, node: NodeInfo): boolean {
  return !node.unschedulable || tolerationsTolerateTaint(pod.pod.spec.tolerations, unschedulableTaint);
}

/** NodeUnschedulablePlugin filters out nodes with spec.unschedulable. */
export class NodeUnschedulablePlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = NODE_UNSCHEDULABLE;

  /** preFilter skips the Filter while no node is cordoned (an emulator shortcut with the same outcome). */
  preFilter(_state: CycleState, _pod: PodInfo, snapshot: ClusterSnapshot): Status {
    return snapshot.anyUnschedulable ? Status.success : Status.skip;
  }

  /** filter rejects cordoned nodes the pod does not tolerate (UnschedulableAndUnresolvable). */
  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status {
    return fitsUnschedulable(pod, node) ? Status.success : rejected;
  }
}
