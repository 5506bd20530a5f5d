import type { KubeObject, OwnerReference } from '../../kube/index.js';
import type { ControllerAction } from '../controller.js';
import { clone } from './json.js';

/** Controller references and ControllerRefManager's adopt/release, as pkg/controller/controller_ref_manager.go does them. */

/** controllerRef is metav1.NewControllerRef: the owner's identity, controller and blockOwnerDeletion set. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** controllerOf is metav1.GetControllerOf: the owner reference marked controller, if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/** isControlledBy says whether owner is object's controller (same uid). */
export function isControlledBy(object: KubeObject, owner: KubeObject): boolean {
  const ref = controllerOf(object);
  return ref !== undefined && ref.uid === owner.metadata.uid;
}

/** Claim is what ClaimObjects decided: the objects the owner controls, and the writes adopting and releasing others. */
export interface Claim<T extends KubeObject> {
  owned: T[];
  actions: ControllerAction[];
}

/**
 * claimObjects is ControllerRefManager.ClaimObject over candidates in the owner's namespace: keep what the owner controls
 * and still selects, release what it controls but no longer selects, adopt orphans it selects that are not being deleted.
 */
export function claimObjects<T extends KubeObject>(owner: KubeObject, candidates: readonly T[], selects: (object: T) => boolean): Claim<T> {
  const owned: T[] = [];
  const actions: ControllerAction[] = [];
  const ownerDeleting = owner.metadata.deletionTimestamp !== undefined;
  for (const object of candidates) {
    const ref = controllerOf(object);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (selects(object)) owned.push(object);
      else if (!ownerDeleting && !object.metadata.deletionTimestamp) actions.push({ type: 'update', object: release(object, owner) });
      continue;
    }
    if (ownerDeleting || object.metadata.deletionTimestamp || !selects(object)) continue;
    actions.push({ type: 'update', object: adopt(object, owner) });
    owned.push(object);
  }
  return { owned, actions };
}

function adopt<T extends KubeObject>(object: T, owner: KubeObject): T {
  const copy = clone(object);
  copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), controllerRef(owner)];
  return copy;
}

function release<T extends KubeObject>(object: T, owner: KubeObject): T {
  const copy = clone(object);
  // An empty list, not an absent one: an update that omits ownerReferences keeps the stored ones.
  copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== owner.metadata.uid);
  return copy;
}
