import { getObject, putObject, removeObject, uidFor, type KubeObject, type ObjectStore, type Pod } from '../../kube/index.js';
import type { ControllerAction } from '../controller.js';
import { clone, sameJson } from '../helpers/json.js';

/** The API server's side of the contract, as the cluster domain applies controller actions, for specs to run scenarios to a fixed point. */

/** RecordedEvent is an Event object as applyActions stores it. */
export interface RecordedEvent extends KubeObject {
  involvedObject: { kind: string; namespace?: string; name: string };
  type: string;
  reason: string;
  message: string;
  source: { component: string };
}

function create(store: ObjectStore, object: KubeObject, now: string): void {
  const { namespace, name = '' } = object.metadata;
  if (getObject(store, object.kind, namespace, name)) throw new Error(`${object.kind} ${namespace}/${name} already exists`);
  const copy = clone(object);
  copy.metadata = { ...copy.metadata, uid: uidFor('test', store.revision + 1), creationTimestamp: now, generation: 1 };
  putObject(store, copy);
}

function update(store: ObjectStore, object: KubeObject): void {
  const { namespace, name = '' } = object.metadata;
  const existing = getObject(store, object.kind, namespace, name);
  if (!existing) throw new Error(`${object.kind} ${namespace}/${name} not found`);
  const copy = clone(object);
  const { uid, creationTimestamp, generation = 1, deletionTimestamp } = existing.metadata;
  const bumped = sameJson(existing.spec, copy.spec) ? generation : generation + 1;
  copy.metadata = { ...copy.metadata, uid, creationTimestamp, generation: bumped, deletionTimestamp };
  if (existing.status === undefined) delete copy.status;
  else copy.status = existing.status;
  if (copy.metadata.deletionTimestamp && !copy.metadata.finalizers?.length && copy.kind !== 'Pod') return void removeObject(store, copy.kind, namespace, name);
  putObject(store, copy);
}

function remove(store: ObjectStore, kind: string, namespace: string | undefined, name: string, now: string, propagationPolicy?: 'Foreground'): void {
  const object = getObject(store, kind, namespace, name);
  if (!object) throw new Error(`${kind} ${namespace}/${name} not found`);
  if (propagationPolicy === 'Foreground' && kind !== 'Pod') {
    putObject(store, { ...object, metadata: { ...object.metadata, deletionTimestamp: now, finalizers: [...(object.metadata.finalizers ?? []), 'foregroundDeletion'] } });
    return;
  }
  if (kind === 'Pod' && (object as Pod).spec.nodeName) {
    if (object.metadata.deletionTimestamp) return;
    object.metadata.deletionTimestamp = now;
    object.metadata.deletionGracePeriodSeconds = (object as Pod).spec.terminationGracePeriodSeconds ?? 30;
    putObject(store, object);
    return;
  }
  removeObject(store, kind, namespace, name);
}

function record(store: ObjectStore, action: Extract<ControllerAction, { type: 'event' }>, now: string): void {
  const { involved, note, source } = action;
  const event: RecordedEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${involved.name}.${(store.revision + 1).toString(16).padStart(16, '0')}`, namespace: involved.namespace ?? 'default', creationTimestamp: now },
    involvedObject: involved,
    type: note.type,
    reason: note.reason,
    message: note.message,
    source,
  };
  putObject(store, event);
}

/** applyActions commits one reconcile's actions to the store, in order, the way the cluster domain does. */
export function applyActions(store: ObjectStore, actions: readonly ControllerAction[], now: string): void {
  for (const action of actions) {
    switch (action.type) {
      case 'create':
        create(store, action.object, now);
        break;
      case 'createPods':
        for (const name of action.names) create(store, { ...action.object, metadata: { ...action.object.metadata, name } }, now);
        break;
      case 'update':
        update(store, action.object);
        break;
      case 'status': {
        const object = getObject(store, action.kind, action.namespace, action.name);
        if (!object) throw new Error(`${action.kind} ${action.namespace}/${action.name} not found`);
        putObject(store, { ...object, status: clone(action.status) });
        break;
      }
      case 'delete':
        remove(store, action.kind, action.namespace, action.name, now, action.propagationPolicy);
        break;
      case 'event':
        record(store, action, now);
        break;
      default: {
        const exhaustive: never = action;
        throw new Error(`unknown action ${JSON.stringify(exhaustive)}`);
      }
    }
  }
}
