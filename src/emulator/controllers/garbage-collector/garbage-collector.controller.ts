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

/** FOREGROUND_DELETION is the finalizer of an owner waiting for its dependents to go (DeletePropagationForeground). */
export const FOREGROUND_DELETION = 'foregroundDeletion';

const waitingForDependents = (object: KubeObject): boolean => object.metadata.deletionTimestamp !== undefined && (object.metadata.finalizers ?? []).includes(FOREGROUND_DELETION);

/** ownerState is what the collector finds for one reference: the owner with that uid, one being deleted in the foreground, gone, or of a kind it cannot look up. */
export function ownerState(store: ObjectStore, dependent: KubeObject, ref: OwnerReference): 'solid' | 'waiting' | 'dangling' | 'unknown' {
  const namespaced = ownerScope(ref.kind);
  if (namespaced === undefined) return 'unknown';
  const owner = getObject(store, ref.kind, namespaced ? dependent.metadata.namespace : undefined, ref.name);
  if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
  return waitingForDependents(owner) ? 'waiting' : 'solid';
}

/**
 * collect is attemptToDeleteItem: delete a dependent none of whose owners remain (in the foreground when an owner waits
 * for it, so the wait propagates down), and drop references to owners that went.
 */
export function collect(store: ObjectStore, object: KubeObject): ControllerAction[] {
  const refs = object.metadata.ownerReferences ?? [];
  if (refs.length === 0 || object.metadata.deletionTimestamp) return [];
  const states = refs.map((ref) => ownerState(store, object, ref));
  const going = (s: string): boolean => s === 'dangling' || s === 'waiting';
  if (!states.some(going)) return [];
  if (states.every(going)) return [deleteAction(object, states.includes('waiting') ? 'Foreground' : undefined)];
  if (!states.includes('dangling')) return [];
  const copy = clone(object);
  copy.metadata.ownerReferences = refs.filter((_, i) => states[i] !== 'dangling');
  return [{ type: 'update', object: copy }];
}

/** finalize takes the foregroundDeletion finalizer off an owner none of whose dependents remain, which lets it go. */
export function finalize(object: KubeObject, referenced: ReadonlySet<string>): ControllerAction[] {
  if (!waitingForDependents(object) || referenced.has(object.metadata.uid ?? '')) return [];
  const copy = clone(object);
  copy.metadata.finalizers = (copy.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_DELETION);
  return [{ type: 'update', object: copy }];
}

/** GarbageCollectorController deletes what a deleted owner leaves behind (a Deployment's ReplicaSets, then their pods), and finishes foreground deletions. */
export class GarbageCollectorController implements Controller {
  readonly name = 'garbage-collector';

  reconcile(ctx: ControllerContext): ControllerAction[] {
    const all = Object.values(ctx.store.objects).flatMap((byKey) => Object.values(byKey));
    const referenced = new Set(all.flatMap((o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid)));
    return all.flatMap((object) => [...collect(ctx.store, object), ...finalize(object, referenced)]);
  }
}
