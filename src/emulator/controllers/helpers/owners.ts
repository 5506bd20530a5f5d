import type { KubeObject, ObjectStore, OwnerReference } from '../../kube/index.js';
import { controlledGroup, uncontrolledGroup, type IndexedObject } from '../../kube/store-index.js';
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
  owned: IndexedObject<T>[];
  actions: ControllerAction[];
}

/**
 * claimObjects is ControllerRefManager.ClaimObject over the objects of a kind in the owner's namespace, as the store's index
 * files them: keep what the owner controls and still selects, release what it controls but no longer selects, adopt
 * orphans it selects that are not being deleted. Objects other owners control are none of its business; `admits` narrows
 * the candidates (the ReplicaSet controller only looks at active pods). Both groups are walked together in creation order.
 */
export function claimObjects<T extends KubeObject>(store: ObjectStore, kind: string, owner: KubeObject, selects: (entry: IndexedObject<T>) => boolean, admits?: (entry: IndexedObject<T>) => boolean): Claim<T> {
  const { namespace, uid } = owner.metadata;
  const controlled = controlledGroup<T>(store, kind, namespace, uid).list();
  const orphans = uncontrolledGroup<T>(store, kind, namespace).list();
  const owned: IndexedObject<T>[] = [];
  const actions: ControllerAction[] = [];
  const ownerDeleting = owner.metadata.deletionTimestamp !== undefined;
  for (let i = 0, j = 0; i < controlled.length || j < orphans.length; ) {
    const mine = j >= orphans.length || (i < controlled.length && controlled[i].seq < orphans[j].seq);
    const entry = mine ? controlled[i++] : orphans[j++];
    if (admits && !admits(entry)) continue;
    const object = entry.object;
    if (mine) {
      if (selects(entry)) owned.push(entry);
      else if (!ownerDeleting && !object.metadata.deletionTimestamp) actions.push({ type: 'update', object: release(object, owner) });
      continue;
    }
    if (ownerDeleting || object.metadata.deletionTimestamp || !selects(entry)) continue;
    actions.push({ type: 'update', object: adopt(object, owner) });
    owned.push(entry);
  }
  return { owned, actions };
}

/** objectsOf are the objects of indexed entries. */
export const objectsOf = <T extends KubeObject>(entries: readonly IndexedObject<T>[]): T[] => entries.map((e) => e.object);

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
