import { getObject, type KubeObject } from '../../../emulator/kube/index.js';
import { stableStringify } from '../../../platform/commands/stable-hash.js';
import { DomainError, notFound } from '../../../platform/kernel/index.js';
import type { AppliedObject, KubeCluster, KubeEvent } from './kube.types.js';
import { resourceName } from './resources.js';
import { checkRequestedAddresses } from './service-addresses.js';

/** LAST_APPLIED is kubectl's annotation holding the configuration an object was last applied with. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** desired is what a user declares of an object: everything but server-set metadata and status. */
export function desired(object: KubeObject): string {
  const { metadata, status: _status, ...rest } = object;
  const { [LAST_APPLIED]: _last, ...annotations } = metadata.annotations ?? {};
  const { labels, ownerReferences, finalizers } = metadata;
  return stableStringify({ ...rest, metadata: { labels, annotations, ownerReferences, finalizers } });
}

/** MUTABLE_POD_FIELDS may change on a running pod; everything else in its spec is fixed at creation. */
const MUTABLE_POD_FIELDS = 'spec.containers[*].image, spec.initContainers[*].image, spec.activeDeadlineSeconds, spec.tolerations (only additions to existing tolerations), spec.terminationGracePeriodSeconds (allow it to be set to 1 if it was previously negative)';

/** podSpecChangeAllowed is the API server's rule for pod updates: images and the grace period, little else. */
export function podSpecChangeAllowed(existing: KubeObject, next: KubeObject): boolean {
  type Spec = { containers: Array<{ image: string }>; initContainers?: Array<{ image: string }>; nodeName?: string; terminationGracePeriodSeconds?: number; activeDeadlineSeconds?: number; tolerations?: unknown };
  const strip = (spec: Spec) => ({
    ...spec,
    nodeName: undefined,
    terminationGracePeriodSeconds: undefined,
    activeDeadlineSeconds: undefined,
    tolerations: undefined,
    containers: spec.containers.map((c) => ({ ...c, image: '' })),
    initContainers: spec.initContainers?.map((c) => ({ ...c, image: '' })),
  });
  return stableStringify(strip(existing.spec as Spec)) === stableStringify(strip(next.spec as Spec));
}

/** checkPodUpdate refuses a pod update that changes more than Kubernetes allows on a running pod. */
export function checkPodUpdate(before: KubeObject, next: KubeObject, field: string): void {
  if (podSpecChangeAllowed(before, next)) return;
  throw new DomainError('BAD_USER_INPUT', `Pod "${next.metadata.name}" is invalid: spec: Forbidden: pod updates may not change fields other than ${MUTABLE_POD_FIELDS}`, field);
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
    const last = existing?.metadata.annotations?.[LAST_APPLIED];
    const action = !existing ? 'created' : (last ?? desired(existing)) === desired(object) ? 'unchanged' : 'configured';
    const before = last ? (JSON.parse(last) as KubeObject) : existing;
    if (action === 'configured' && object.kind === 'Pod') checkPodUpdate(before!, object, 'yaml');
    if (action === 'created' && object.kind === 'Service') checkRequestedAddresses(cluster, object);
    if (action === 'created') created.push(object);
    if (action === 'configured') configured.push(object);
    applied.push({ kind: object.kind, namespace: namespace ?? null, name, action });
  }
  const events: KubeEvent[] =
    created.length + configured.length === 0 ? [] : [{ type: 'ObjectsApplied', data: { clusterId: cluster.clusterId, at, created, configured } }];
  return { events, applied };
}
