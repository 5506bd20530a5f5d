import { copyJson, deepFreeze, flatString, getObject, objectKey, ownKeysAre, putObject, type KubeObject } from '../../../emulator/kube/index.js';
import { recordEvent } from './kube-events.js';
import type { KubeCluster, ObjectAction } from './kube.types.js';
import { clone } from './object-writes.js';

/** stillCurrent is the part of an action the world has not overtaken since the controller looked (not creating what exists, not changing what is gone), if any. */
export function stillCurrent(cluster: KubeCluster, action: ObjectAction): ObjectAction | undefined {
  if (action.type !== 'createPods') return stillApplies(cluster, action) ? action : undefined;
  const names = action.names.filter((name) => !getObject(cluster, 'Pod', action.object.metadata.namespace, name));
  return names.length === action.names.length ? action : names.length > 0 ? { ...action, names } : undefined;
}

function stillApplies(cluster: KubeCluster, action: Exclude<ObjectAction, { type: 'createPods' }>): boolean {
  switch (action.type) {
    case 'create':
      return !getObject(cluster, action.object.kind, action.object.metadata.namespace, action.object.metadata.name ?? '');
    case 'update':
      return getObject(cluster, action.object.kind, action.object.metadata.namespace, action.object.metadata.name ?? '') !== undefined;
    case 'status':
    case 'delete': {
      const object = getObject(cluster, action.kind, action.namespace, action.name);
      return object !== undefined && !(action.type === 'delete' && object.metadata.deletionTimestamp);
    }
    case 'event':
      return true;
  }
}

/** ObjectWriter is how the projection stores objects, so reconciled changes follow the same rules as applied ones. */
export interface ObjectWriter {
  /** create stores a new object; a caller holding its key (`namespace/name`, flat) may pass it. */
  create(cluster: KubeCluster, object: KubeObject, at: string, key?: string): void;
  update(cluster: KubeCluster, object: KubeObject): void;
  remove(cluster: KubeCluster, kind: string, namespace: string | undefined, name: string, at: string, propagationPolicy?: 'Foreground'): void;
}

/** applyActions carries out a controller's actions in order. */
export function applyActions(cluster: KubeCluster, actions: readonly ObjectAction[], at: string, writer: ObjectWriter): void {
  for (const action of actions) {
    if (action.type === 'createPods') {
      createPods(cluster, action, at, writer);
      continue;
    }
    if (!stillApplies(cluster, action)) continue;
    if (action.type === 'create') writer.create(cluster, clone(action.object), at);
    else if (action.type === 'update') writer.update(cluster, clone(action.object));
    else if (action.type === 'delete') writer.remove(cluster, action.kind, action.namespace, action.name, at, action.propagationPolicy);
    else if (action.type === 'status') {
      const object = getObject(cluster, action.kind, action.namespace, action.name)!;
      object.status = clone(action.status);
      putObject(cluster, object);
    } else {
      const { kind, namespace, name } = action.involved;
      const involved = getObject(cluster, kind, namespace, name) ?? ({ apiVersion: 'v1', kind, metadata: { name, namespace } } as KubeObject);
      recordEvent(cluster, involved, action.note, action.source, at);
    }
  }
}

/** TEMPLATE_KEYS are the fields of a pod template a controller logs, in their order. */
const TEMPLATE_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'] as const;

/** NO_TOLERATIONS holds a stamped pod's place for the tolerations createObject gives it. */
const NO_TOLERATIONS: readonly never[] = Object.freeze([]);

/**
 * createPods stamps each named pod from the logged template. The pods of a burst share the template's parts that stay
 * as they are for a pod's life — containers, labels, owner references, volumes — frozen, since nothing writes into
 * them in place (a write replaces a pod's metadata, spec or status field whole, and API patches work on a copy). Each
 * pod has its own top-level object, metadata, spec and status, which the API server and the kubelet do write.
 */
function createPods(cluster: KubeCluster, action: Extract<ObjectAction, { type: 'createPods' }>, at: string, writer: ObjectWriter): void {
  const template = deepFreeze(copyJson(action.object));
  const { metadata, spec, status, ...rest } = template as KubeObject & { spec?: { tolerations?: unknown }; status?: unknown };
  const tolerations = spec?.tolerations ?? NO_TOLERATIONS;
  // A controller's template (apiVersion, kind, metadata, spec, status) is stamped through one literal; any other shape
  // through spreads, which give the same fields in the same order more slowly.
  const plain = spec !== undefined && status !== undefined && ownKeysAre(template, TEMPLATE_KEYS);
  for (const name of action.names) {
    // One key per pod, flat so its hash is computed once for the check and the store.
    const key = flatString(objectKey(template.metadata.namespace, name));
    if (cluster.objects.Pod?.[key]) continue;
    // The fields the API server sets at once (uid, creationTimestamp, generation, resourceVersion, the default
    // tolerations) are made part of each object as it is built, in the order they would be added: objects of one
    // literal's shape keep every field in place, where properties added later live in a second, separately allocated
    // block that every read of them has to follow.
    const podMetadata = { name, ...metadata, uid: '', creationTimestamp: '', generation: 0, resourceVersion: '' };
    const pod = (
      plain
        ? { apiVersion: template.apiVersion, kind: template.kind, metadata: podMetadata, spec: { ...spec, tolerations }, status: copyJson(status) }
        : {
            ...rest,
            metadata: podMetadata,
            ...(spec ? { spec: { ...spec, tolerations } } : {}),
            ...(status === undefined ? {} : { status: copyJson(status) }),
          }
    ) as KubeObject;
    writer.create(cluster, pod, at, key);
  }
}
