/** Aggregated discovery (apidiscovery.k8s.io v2 and v2beta1): what kubectl 1.30+ reads from `/api` and `/apis`. */
import { API_RESOURCES, servedGroupVersions, type ApiResource, type GroupVersionKind } from './api-resources.js';

/** AggregatedVersion is apidiscovery's v2 APIVersionDiscovery. */
export interface AggregatedVersion {
  version: string;
  resources: AggregatedResource[];
  freshness: 'Current';
}

/** AggregatedResource is apidiscovery's v2 APIResourceDiscovery. */
export interface AggregatedResource {
  resource: string;
  responseKind: GroupVersionKind;
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: Array<{ subresource: string; responseKind: GroupVersionKind; verbs: string[] }>;
}

/** APIGroupDiscoveryList is the body of aggregated `/api` or `/apis`. */
export interface APIGroupDiscoveryList {
  kind: 'APIGroupDiscoveryList';
  apiVersion: string;
  metadata: Record<string, never>;
  items: Array<{ metadata: { name: string }; versions: AggregatedVersion[] }>;
}

/** DiscoveryVersion is the apidiscovery version a client negotiated. */
export type DiscoveryVersion = 'v2' | 'v2beta1';

function aggregatedResource(r: ApiResource): AggregatedResource {
  const out: AggregatedResource = {
    resource: r.resource,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: [...r.verbs],
  };
  if (r.shortNames.length > 0) out.shortNames = [...r.shortNames];
  if (r.categories.length > 0) out.categories = [...r.categories];
  if (r.subresources.length > 0) {
    out.subresources = r.subresources.map((s) => ({ subresource: s.name, responseKind: { ...s.responseKind }, verbs: [...s.verbs] }));
  }
  return out;
}

/** aggregatedDiscovery builds `/api` (core: true, the group named "") or `/apis` (the named groups). */
export function aggregatedDiscovery(core: boolean, version: DiscoveryVersion = 'v2', resources: readonly ApiResource[] = API_RESOURCES): APIGroupDiscoveryList {
  const groups = new Map<string, AggregatedVersion[]>();
  for (const gv of servedGroupVersions(resources)) {
    if ((gv.group === '') !== core) continue;
    const versions = groups.get(gv.group) ?? [];
    versions.push({ version: gv.version, resources: gv.resources.map(aggregatedResource), freshness: 'Current' });
    groups.set(gv.group, versions);
  }
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: [...groups].map(([name, versions]) => ({ metadata: { name }, versions })),
  };
}
