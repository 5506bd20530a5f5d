/** NodeName: a pod that names its node runs only there (plugins/nodename). */
import { Status, type CycleState, type FilterPlugin, type PreFilterPlugin } from '../../framework.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';

/** NODE_NAME is the plugin's registry name. */
export const NODE_NAME = 'NodeName';
/** ERR_REASON_NODE_NAME is kube-scheduler's reason when spec.nodeName names another node. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

const rejected = Status.unresolvable(ERR_REASON_NODE_NAME);

/** fitsNodeName: the pod names no node, or names this one. */
export function fitsNodeName(pod: PodInfo, node: NodeInfo): boolean {
  const wanted = pod.nodeName;
  return wanted === undefined || wanted === node.name;
}

/** NodeNamePlugin filters out every node but the one in spec.nodeName. */
export class NodeNamePlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = NODE_NAME;

  /** preFilter skips the Filter for pods naming no node, which every node fits (an emulator shortcut, same outcome). */
  preFilter(_state: CycleState, pod: PodInfo): Status {
    return pod.nodeName === undefined ? Status.skip : Status.success;
  }

  /** filter rejects nodes other than the named one (UnschedulableAndUnresolvable). */
  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status {
    return fitsNodeName(pod, node) ? Status.success : rejected;
  }
}
