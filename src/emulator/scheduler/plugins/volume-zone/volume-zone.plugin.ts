/** VolumeZone: a pod's zonal volumes (CBS disks) must be in the node's zone (plugins/volumezone). */
import { podNeedsDisks } from '../../../storage/node-volumes.js';
import { volumeZones, volumeZonesFit } from '../../../storage/volume-zone-filter.js';
import { StateKey, Status, type CycleState, type FilterPlugin, type PreFilterPlugin } from '../../framework.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';

/** VOLUME_ZONE is the plugin's registry name. */
export const VOLUME_ZONE = 'VolumeZone';

type Zones = ReturnType<typeof volumeZones>;
const KEY = new StateKey<Zones>('PreFilter' + VOLUME_ZONE);

/** VolumeZonePlugin filters out nodes outside the zones of the pod's PVs and inline CBS disks. */
export class VolumeZonePlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = VOLUME_ZONE;

  /** preFilter lists the zones the pod's volumes live in, once; pods without CBS volumes skip the filter. */
  preFilter(state: CycleState, pod: PodInfo, snapshot: ClusterSnapshot): Status {
    const volumes = snapshot.volumes;
    if (!volumes || !podNeedsDisks(pod.pod)) return Status.skip;
    const zones = volumeZones(pod.pod, volumes.store, volumes.disks);
    if (zones.length === 0) return Status.skip;
    state.write(KEY, zones);
    return Status.success;
  }

  /** filter rejects nodes whose zone label is not a zone of every volume (UnschedulableAndUnresolvable). */
  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status {
    return volumeZonesFit(state.read(KEY), node.node);
  }
}
