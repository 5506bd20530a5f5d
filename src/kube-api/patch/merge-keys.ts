/** The patch strategies of list fields, as the Kubernetes API types declare them (patchStrategy/patchMergeKey tags). */

/** ListStrategy is how a strategic merge patch treats a list: merge items by a key, union primitives, or replace it whole. */
export type ListStrategy = { type: 'merge'; key: string } | { type: 'merge-primitive' } | { type: 'replace' };

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** BY_NAME lists fields merged by a key wherever they appear in the core and apps types. */
const BY_FIELD: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  resourceClaims: 'name',
  schedulingGates: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  ownerReferences: 'uid',
  podIPs: 'ip',
  hostIPs: 'ip',
};

/** IN_CONTAINER lists fields merged by a key inside a container. */
const IN_CONTAINER: Record<string, string> = {
  ports: 'containerPort',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  resizePolicy: 'resourceName',
};

/**
 * listStrategy finds the strategy for the list at `path`: the object keys from the root, array indices left out
 * (`spec.template.spec.containers.ports`). Lists Kubernetes does not tag (tolerations, taints, args, rules) are replaced.
 */
export function listStrategy(path: readonly string[]): ListStrategy {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  if (parent !== undefined && CONTAINER_LISTS.has(parent) && IN_CONTAINER[field]) return { type: 'merge', key: IN_CONTAINER[field] };
  if (field === 'finalizers' && parent === 'metadata') return { type: 'merge-primitive' };
  if (field === 'conditions' && parent === 'status') return { type: 'merge', key: 'type' };
  if (field === 'addresses' && parent === 'status') return { type: 'merge', key: 'type' };
  if (field === 'ports' && parent === 'spec') return { type: 'merge', key: 'port' };
  const key = BY_FIELD[field];
  return key ? { type: 'merge', key } : { type: 'replace' };
}
