/** The kinds tkesim serves: their current version, the old versions it still reads, and their scope. */

/** KindInfo is one kind as the API server's discovery describes it. */
export interface KindInfo {
  kind: string;
  /** apiVersion is the current (storage) version every object of this kind is converted to. */
  apiVersion: string;
  /** resource is the lowercase plural the API uses in URLs and messages (`deployments.apps`). */
  resource: string;
  namespaced: boolean;
  /** legacyVersions are older apiVersions still accepted, such as the 2017 seed's `apps/v1beta1`. */
  legacyVersions: readonly string[];
}

const kind = (k: string, apiVersion: string, resource: string, namespaced: boolean, legacyVersions: readonly string[] = []): KindInfo => ({
  kind: k,
  apiVersion,
  resource,
  namespaced,
  legacyVersions,
});

/** KINDS lists every kind a manifest may contain. */
export const KINDS: readonly KindInfo[] = [
  kind('Namespace', 'v1', 'namespaces', false),
  kind('Pod', 'v1', 'pods', true),
  kind('ReplicationController', 'v1', 'replicationcontrollers', true),
  kind('Service', 'v1', 'services', true),
  kind('Endpoints', 'v1', 'endpoints', true),
  kind('ConfigMap', 'v1', 'configmaps', true),
  kind('Secret', 'v1', 'secrets', true),
  kind('Event', 'v1', 'events', true),
  kind('PersistentVolumeClaim', 'v1', 'persistentvolumeclaims', true),
  kind('PersistentVolume', 'v1', 'persistentvolumes', false),
  kind('Deployment', 'apps/v1', 'deployments', true, ['apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1']),
  kind('ReplicaSet', 'apps/v1', 'replicasets', true, ['apps/v1beta2', 'extensions/v1beta1']),
  kind('StatefulSet', 'apps/v1', 'statefulsets', true, ['apps/v1beta1', 'apps/v1beta2']),
  kind('DaemonSet', 'apps/v1', 'daemonsets', true, ['apps/v1beta2', 'extensions/v1beta1']),
  kind('StorageClass', 'storage.k8s.io/v1', 'storageclasses', false, ['storage.k8s.io/v1beta1']),
  kind('Ingress', 'networking.k8s.io/v1', 'ingresses', true, ['extensions/v1beta1', 'networking.k8s.io/v1beta1']),
  kind('Lease', 'coordination.k8s.io/v1', 'leases', true, ['coordination.k8s.io/v1beta1']),
];

const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

/** kindInfo looks a kind up by name, whatever its version. */
export function kindInfo(name: string): KindInfo | undefined {
  return BY_KIND.get(name);
}

/** isNamespaced says whether objects of a kind live in a namespace. */
export function isNamespaced(name: string): boolean {
  return BY_KIND.get(name)?.namespaced ?? false;
}

/** qualifiedResource is how the API server names a kind's resource in messages: `deployments.apps`, `pods`. */
export function qualifiedResource(info: KindInfo): string {
  const group = info.apiVersion.includes('/') ? info.apiVersion.split('/')[0] : '';
  return group ? `${info.resource}.${group}` : info.resource;
}

/** ResolvedKind is a known kind and whether its manifest used an old version that needs converting. */
export type ResolvedKind = { ok: true; info: KindInfo; legacy: boolean } | { ok: false; error: string };

/** resolveKind finds (apiVersion, kind), worded as the API server's RESTMapper when it cannot. */
export function resolveKind(apiVersion: string, name: string): ResolvedKind {
  const info = BY_KIND.get(name);
  if (info && info.apiVersion === apiVersion) return { ok: true, info, legacy: false };
  if (info && info.legacyVersions.includes(apiVersion)) return { ok: true, info, legacy: true };
  return { ok: false, error: `no matches for kind ${JSON.stringify(name)} in version ${JSON.stringify(apiVersion)}` };
}
