import { getObject, kindInfo, type KubeObject, type ObjectStore, type OwnerReference } from '../../kube/index.js';
import type { Controller, ControllerAction, ControllerContext } from '../controller.js';
import { deleteAction } from '../helpers/events.js';
import { clone } from '../helpers/json.js';

/** The garbage collector (pkg/controller/garbagecollector): background cascading deletion of dependents whose owners are gone. */

/** EXTRA_SCOPES are owner kinds the cluster holds that manifests cannot carry, and whether they live in a namespace. */
const EXTRA_SCOPES: Readonly<Record<string, boolean>> = { Node: false, ControllerRevision: true };

/** ownerScope says whether an owner kind is namespaced, or undefined when the cluster does not serve that kind. */
function ownerScope(kind: string): boolean | undefined {
  return kindInfo(kind)?.namespaced ?? EXTRA_SCOPES[kind];
}

/** ownerState is what the collector finds for one reference: the owner with that uid, gone, or of a kind it cannot look up. */
export function ownerState(store: ObjectStore, dependent: KubeObject, ref: OwnerReference): 'solid' | 'dangling' | 'unknown' {
  const namespaced = ownerScope(ref.kind);
  if (namespaced === undefined) return 'unknown';
  const owner = getObject(store, ref.kind, namespaced ? dependent.metadata.namespace : undefined, ref.name);
  return owner && owner.metadata.uid === ref.uid ? 'solid' : 'dangling';
}

/** collect is attemptToDeleteItem: delete a dependent none of whose owners remain; drop references to the ones that went. */
export function collect(store: ObjectStore, object: KubeObject): ControllerAction[] {
  const refs = object.metadata.ownerReferences ?? [];
  if (refs.length === 0 || object.metadata.deletionTimestamp) return [];
  const states = refs.map((ref) => ownerState(store, object, ref));
  if (!states.includes('dangling')) return [];
  if (states.every((s) => s === 'dangling')) return [deleteAction(object)];
  const copy = clone(object);
  copy.metadata.ownerReferences = refs.filter((_, i) => states[i] !== 'dangling');
  return [{ type: 'update', object: copy }];
}

/** GarbageCollectorController deletes what a deleted owner leaves behind: a Deployment's ReplicaSets, then their pods. */
export class GarbageCollectorController implements Controller {
  readonly name = 'garbage-collector';

  reconcile(ctx: ControllerContext): ControllerAction[] {
    return Object.values(ctx.store.objects).flatMap((byKey) => Object.values(byKey).flatMap((object) => collect(ctx.store, object)));
  }
}
