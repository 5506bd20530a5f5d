import { getObject, type KubeObject } from '../../../emulator/kube/index.js';
import { stableStringify } from '../../../platform/commands/stable-hash.js';
import { DomainError, notFound } from '../../../platform/kernel/index.js';
import type { AppliedObject, KubeCluster, KubeEvent } from './kube.types.js';

/** desired is what a user declares of an object: everything but server-set metadata and status. */
function desired(object: KubeObject): string {
  const { metadata, status: _status, ...rest } = object;
  const { labels, annotations, ownerReferences, finalizers } = metadata;
  return stableStringify({ ...rest, metadata: { labels, annotations, ownerReferences, finalizers } });
}

/** resourceName is the lowercase plural the API server uses in messages (`deployments`, `pods`). */
export function resourceName(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y') && !/[aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** planApply sorts a manifest's objects into created, configured and unchanged, refusing what Kubernetes refuses. */
export function planApply(cluster: KubeCluster, objects: readonly KubeObject[], at: string): { events: KubeEvent[]; applied: AppliedObject[] } {
  const created: KubeObject[] = [];
  const configured: KubeObject[] = [];
  const applied: AppliedObject[] = [];
  const newNamespaces = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  for (const object of objects) {
    const { namespace, name = '' } = object.metadata;
    if (namespace && !newNamespaces.has(namespace) && !getObject(cluster, 'Namespace', undefined, namespace)) {
      throw notFound('namespaces', namespace, 'yaml');
    }
    const existing = getObject(cluster, object.kind, namespace, name);
    if (existing?.metadata.deletionTimestamp) {
      throw new DomainError('CONFLICT', `Operation cannot be fulfilled on ${resourceName(object.kind)} "${name}": object is being deleted`, 'yaml');
    }
    const action = !existing ? 'created' : desired(existing) === desired(object) ? 'unchanged' : 'configured';
    if (action === 'created') created.push(object);
    if (action === 'configured') configured.push(object);
    applied.push({ kind: object.kind, namespace: namespace ?? null, name, action });
  }
  const events: KubeEvent[] =
    created.length + configured.length === 0 ? [] : [{ type: 'ObjectsApplied', data: { clusterId: cluster.clusterId, at, created, configured } }];
  return { events, applied };
}
