/** Request paths, classified as kube-apiserver's RequestInfoFactory does. */

/** ResourcePath is a request for a resource: a collection, an item or an item's subresource. */
export interface ResourcePath {
  type: 'resource';
  group: string;
  version: string;
  /** namespace is set for namespaced requests (never for the `namespaces` resource itself). */
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  /** watch is set by the deprecated `/watch/` path prefix; `?watch=true` is the query's business. */
  watch?: boolean;
}

/** ApiPath is any path the facade serves. */
export type ApiPath =
  | ResourcePath
  | { type: 'version' }
  | { type: 'core-versions' }
  | { type: 'groups' }
  | { type: 'group'; group: string }
  | { type: 'resource-list'; group: string; version: string }
  | { type: 'openapi-root' }
  | { type: 'openapi'; group: string; version: string }
  | { type: 'openapi-v2' }
  | { type: 'unknown' };

/** NAMESPACE_SUBRESOURCES are the words after `namespaces/{ns}/` that name a namespace's subresource, not a resource. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function resourcePath(group: string, version: string, rest: string[]): ApiPath {
  let parts = rest;
  let watch: true | undefined;
  if (parts[0] === 'watch') {
    watch = true;
    parts = parts.slice(1);
  }
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2])) {
    namespace = parts[1];
    parts = parts.slice(2);
  }
  if (parts.length === 0 || parts.length > 3) return { type: 'unknown' };
  const [resource, name, subresource] = parts;
  const out: ResourcePath = { type: 'resource', group, version, resource };
  if (namespace !== undefined) out.namespace = namespace;
  if (name !== undefined) out.name = name;
  if (subresource !== undefined) out.subresource = subresource;
  if (watch) out.watch = true;
  return out;
}

function openApiPath(parts: string[]): ApiPath {
  if (parts[0] === 'v2' && parts.length === 1) return { type: 'openapi-v2' };
  if (parts[0] !== 'v3') return { type: 'unknown' };
  if (parts.length === 1) return { type: 'openapi-root' };
  if (parts[1] === 'api' && parts.length === 3) return { type: 'openapi', group: '', version: parts[2] };
  if (parts[1] === 'apis' && parts.length === 4) return { type: 'openapi', group: parts[2], version: parts[3] };
  return { type: 'unknown' };
}

/** parsePath classifies a path (query string ignored; strip any `/k8s/<clusterId>` prefix first). */
export function parsePath(path: string): ApiPath {
  const clean = path.split('?')[0];
  const parts = clean.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
  const [root, ...rest] = parts;
  if (root === 'version' && rest.length === 0) return { type: 'version' };
  if (root === 'openapi') return openApiPath(rest);
  if (root === 'api') {
    if (rest.length === 0) return { type: 'core-versions' };
    if (rest.length === 1) return { type: 'resource-list', group: '', version: rest[0] };
    return resourcePath('', rest[0], rest.slice(1));
  }
  if (root === 'apis') {
    if (rest.length === 0) return { type: 'groups' };
    if (rest.length === 1) return { type: 'group', group: rest[0] };
    if (rest.length === 2) return { type: 'resource-list', group: rest[0], version: rest[1] };
    return resourcePath(rest[0], rest[1], rest.slice(2));
  }
  return { type: 'unknown' };
}

/** stripClusterPrefix splits `/k8s/<clusterId>/api/v1` into the cluster id and the API path. */
export function stripClusterPrefix(path: string): { clusterId: string; path: string } | undefined {
  const match = /^\/k8s\/([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(path);
  if (!match) return undefined;
  return { clusterId: decodeURIComponent(match[1]), path: `${match[2] ?? '/'}${match[3] ?? ''}` };
}

/** itemPath builds an object's API path (`/apis/apps/v1/namespaces/default/deployments/web`). */
export function itemPath(group: string, version: string, resource: string, namespace: string | undefined, name?: string): string {
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${resource}${name !== undefined ? `/${encodeURIComponent(name)}` : ''}`;
}
