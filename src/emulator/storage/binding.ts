import type { ControllerAction } from '../controllers/controller.js';
import { statusAction } from '../controllers/helpers/events.js';
import { clone, sameJson } from '../controllers/helpers/json.js';
import type { PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimStatus } from '../kube/index.js';

/** Binding a claim and a volume both ways, as the PV controller's bind() does: claimRef, volumeName, annotations, phases. */

/** ANN_BIND_COMPLETED marks a claim whose binding the controller finished. */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** ANN_BOUND_BY_CONTROLLER marks a side of the binding the controller (not the user) set. */
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
/** ANN_SELECTED_NODE is the node the scheduler chose for a claim whose class waits for the first consumer. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** ANN_STORAGE_PROVISIONER names the provisioner a claim waits for. */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
/** PV_CONTROLLER is the PV controller's name in events. */
export const PV_CONTROLLER = 'persistentvolume-controller';

/** boundClaim is the claim as bound to the volume: volumeName and the controller's annotations set. */
export function boundClaim(claim: PersistentVolumeClaim, volume: PersistentVolume): PersistentVolumeClaim {
  const copy = clone(claim);
  const byController = claim.spec.volumeName !== volume.metadata.name;
  copy.spec.volumeName = volume.metadata.name;
  copy.metadata.annotations = { ...copy.metadata.annotations, [ANN_BIND_COMPLETED]: 'yes', ...(byController ? { [ANN_BOUND_BY_CONTROLLER]: 'yes' } : {}) };
  return copy;
}

/** boundClaimStatus is a Bound claim's status: the volume's capacity and access modes. */
export function boundClaimStatus(volume: PersistentVolume): PersistentVolumeClaimStatus {
  return { phase: 'Bound', accessModes: [...(volume.spec.accessModes ?? [])], capacity: { ...volume.spec.capacity } };
}

/** bindClaimActions writes the claim's half of a binding, skipping what is already so. */
export function bindClaimActions(claim: PersistentVolumeClaim, volume: PersistentVolume): ControllerAction[] {
  const actions: ControllerAction[] = [];
  const bound = boundClaim(claim, volume);
  if (!sameJson(bound.spec, claim.spec) || !sameJson(bound.metadata.annotations, claim.metadata.annotations)) actions.push({ type: 'update', object: bound });
  const status = boundClaimStatus(volume);
  if (!sameJson(status, claim.status)) actions.push(statusAction(claim, status));
  return actions;
}

/** bindVolumeActions writes the volume's half: a claimRef with the claim's uid, and phase Bound. */
export function bindVolumeActions(volume: PersistentVolume, claim: PersistentVolumeClaim): ControllerAction[] {
  const actions: ControllerAction[] = [];
  const { namespace, name = '', uid = '', resourceVersion } = claim.metadata;
  const ref = volume.spec.claimRef;
  if (!ref || ref.uid !== uid) {
    const copy = clone(volume);
    copy.spec.claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name, uid, ...(resourceVersion ? { resourceVersion } : {}) };
    if (!ref) copy.metadata.annotations = { ...copy.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    actions.push({ type: 'update', object: copy });
  }
  if (volume.status?.phase !== 'Bound') actions.push(statusAction(volume, { phase: 'Bound' }));
  return actions;
}
