import { getObject, type KubeObject } from '../../../emulator/kube/index.js';
import { stableStringify } from '../../../platform/commands/stable-hash.js';
import { alreadyExists, DomainError, notFound } from '../../../platform/kernel/index.js';
import { checkPodUpdate, desired, LAST_APPLIED } from './apply-objects.js';
import type { KubeCluster, KubeEvent, WriteMode } from './kube.types.js';
import { resourceName } from './resources.js';

/** OPTIMISTIC_LOCK is the API server's wording for a write against a stale resourceVersion. */
const OPTIMISTIC_LOCK = 'the object has been modified; please apply your changes to the latest version and try again';

/** sameObject says whether an update changes nothing a reader could see (the API server then writes nothing). */
function sameObject(existing: KubeObject, next: KubeObject): boolean {
  const last = next.metadata.annotations?.[LAST_APPLIED];
  if (last !== undefined && last !== existing.metadata.annotations?.[LAST_APPLIED]) return false;
  const fields = (o: KubeObject) => (o.metadata as { managedFields?: unknown }).managedFields;
  return desired(existing) === desired(next) && stableStringify(fields(existing)) === stableStringify(fields(next) ?? fields(existing));
}

/**
 * decideWrite is a create (AlreadyExists when the name is taken), an update (NotFound, or Conflict on a stale
 * resourceVersion) of one whole object, or a write of its status alone (the status subresource: everything else as stored).
 */
export function decideWrite(cluster: KubeCluster, object: KubeObject, mode: WriteMode, at: string): KubeEvent[] {
  const { namespace, name = '', resourceVersion } = object.metadata;
  const existing = getObject(cluster, object.kind, namespace, name);
  const resource = resourceName(object.kind);
  if (mode === 'create' && existing) throw alreadyExists(resource, name, 'name');
  if (mode !== 'create' && !existing) throw notFound(resource, name, 'name');
  if (existing && resourceVersion && resourceVersion !== existing.metadata.resourceVersion) {
    throw new DomainError('CONFLICT', `Operation cannot be fulfilled on ${resource} "${name}": ${OPTIMISTIC_LOCK}`, 'metadata.resourceVersion');
  }
  if (mode === 'status') return decideStatusWrite(cluster, existing!, object, at);
  if (existing && sameObject(existing, object)) return [];
  if (namespace && !getObject(cluster, 'Namespace', undefined, namespace)) throw notFound('namespaces', namespace, 'metadata.namespace');
  if (existing?.metadata.deletionTimestamp && mode === 'update' && object.kind !== 'Pod') {
    throw new DomainError('CONFLICT', `Operation cannot be fulfilled on ${resource} "${name}": object is being deleted`, 'metadata.deletionTimestamp');
  }
  if (existing && object.kind === 'Pod') checkPodUpdate(existing, object, 'spec');
  const created = existing ? [] : [object];
  const configured = existing ? [object] : [];
  return [{ type: 'ObjectsApplied', data: { clusterId: cluster.clusterId, at, created, configured } }];
}

/** decideStatusWrite replaces an object's status, recorded as the API server's write of it; the same status writes nothing. */
function decideStatusWrite(cluster: KubeCluster, existing: KubeObject, object: KubeObject, at: string): KubeEvent[] {
  if (stableStringify(existing.status) === stableStringify(object.status)) return [];
  const { namespace, name = '' } = existing.metadata;
  const action = { type: 'status' as const, kind: existing.kind, ...(namespace ? { namespace } : {}), name, status: object.status ?? {} };
  return [{ type: 'ObjectsReconciled', data: { clusterId: cluster.clusterId, at, controller: 'kube-apiserver', actions: [action] } }];
}
