/** VolumeBinding: a pod's claims must be bound to volumes that reach the node, or bindable there (plugins/volumebinding). */
import type { ObjectStore } from '../../../kube/index.js';
import { podClaims, volumeBindingFits, type PodClaims } from '../../../storage/volume-binding-filter.js';
import { StateKey, Status, type CycleState, type FilterPlugin, type PreFilterPlugin } from '../../framework.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';

/** VOLUME_BINDING is the plugin's registry name. */
export const VOLUME_BINDING = 'VolumeBinding';

/** BindingState is PreFilter's split of the pod's claims, with the objects to read them in. */
interface BindingState {
  readonly claims: PodClaims;
  readonly store: ObjectStore;
}

const KEY = new StateKey<BindingState>('PreFilter' + VOLUME_BINDING);

/** hasClaims: some volume of the pod names a PersistentVolumeClaim (no allocation). */
const hasClaims = (pod: PodInfo): boolean => pod.pod.spec.volumes?.some((v) => v.persistentVolumeClaim !== undefined) ?? false;

/** VolumeBindingPlugin rejects pods with missing or unbound immediate claims, and nodes their volumes cannot reach. */
export class VolumeBindingPlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = VOLUME_BINDING;

  /** preFilter skips pods without claims; it rejects a pod whose claims are missing or unbound with an Immediate class. */
  preFilter(state: CycleState, pod: PodInfo, snapshot: ClusterSnapshot): Status {
    const store = snapshot.volumes?.store;
    if (!store || !hasClaims(pod)) return Status.skip;
    const claims = podClaims(pod.pod, store);
    if (claims instanceof Status) return claims;
    state.write(KEY, { claims, store });
    return Status.success;
  }

  /** filter checks the bound volumes' node affinity and that waiting claims can bind or be provisioned on the node. */
  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status {
    const { claims, store } = state.read(KEY);
    return volumeBindingFits(claims, node.node, store);
  }
}
