/** NodeVolumeLimits for CBS: a CVM takes at most 20 CBS disks (plugins/nodevolumelimits). */
import type { ObjectStore } from '../../../kube/index.js';
import { podNeedsDisks } from '../../../storage/node-volumes.js';
import { cbsVolumeLimitFits } from '../../../storage/volume-limits-filter.js';
import { StateKey, Status, type CycleState, type FilterPlugin, type PreFilterPlugin } from '../../framework.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';

/** NODE_VOLUME_LIMITS is the plugin's registry name. */
export const NODE_VOLUME_LIMITS = 'NodeVolumeLimits';

const KEY = new StateKey<ObjectStore>('PreFilter' + NODE_VOLUME_LIMITS);

/** NodeVolumeLimitsPlugin rejects nodes whose pods' CBS disks plus the pod's new ones would pass the CVM's attach limit. */
export class NodeVolumeLimitsPlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = NODE_VOLUME_LIMITS;

  /** preFilter skips pods without CBS volumes: they add nothing to any node's count. */
  preFilter(state: CycleState, pod: PodInfo, snapshot: ClusterSnapshot): Status {
    const store = snapshot.volumes?.store;
    if (!store || !podNeedsDisks(pod.pod)) return Status.skip;
    state.write(KEY, store);
    return Status.success;
  }

  /** filter counts the distinct CBS disks of the node's pods and the pod's new ones against the limit (Unschedulable). */
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status {
    return cbsVolumeLimitFits(pod.pod, node.pods.map((p) => p.pod), state.read(KEY));
  }
}
