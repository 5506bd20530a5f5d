/** Legacy discovery (APIVersions, APIGroupList, APIResourceList): kubectl 1.29 and client-node's KubernetesObjectApi. */
import { API_RESOURCES, groupVersionOf, servedGroupVersions, type ApiResource } from './api-resources.js';

/** APIResourceEntry is metav1.APIResource, one line of an APIResourceList. */
export interface APIResourceEntry {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

/** GroupVersionForDiscovery is metav1.GroupVersionForDiscovery. */
export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

/** APIGroup is metav1.APIGroup, one entry of `/apis` and the body of `/apis/{g}`. */
export interface APIGroup {
  kind?: 'APIGroup';
  apiVersion?: 'v1';
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
}

/** apiVersions is the body of legacy `/api`. */
export function apiVersions(serverAddress: string): { kind: 'APIVersions'; versions: string[]; serverAddressByClientCIDRs: Array<{ clientCIDR: string; serverAddress: string }> } {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function namedGroups(resources: readonly ApiResource[]): APIGroup[] {
  const groups = new Map<string, GroupVersionForDiscovery[]>();
  for (const gv of servedGroupVersions(resources)) {
    if (gv.group === '') continue;
    const versions = groups.get(gv.group) ?? [];
    versions.push({ groupVersion: groupVersionOf(gv.group, gv.version), version: gv.version });
    groups.set(gv.group, versions);
  }
  return [...groups].map(([name, versions]) => ({ name, versions, preferredVersion: versions[0] }));
}

/** apiGroupList is the body of legacy `/apis`. */
export function apiGroupList(resources: readonly ApiResource[] = API_RESOURCES): { kind: 'APIGroupList'; apiVersion: 'v1'; groups: APIGroup[] } {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: namedGroups(resources) };
}

/** apiGroup is the body of `/apis/{group}`, or undefined when the group is not served. */
export function apiGroup(group: string, resources: readonly ApiResource[] = API_RESOURCES): APIGroup | undefined {
  const found = namedGroups(resources).find((g) => g.name === group);
  return found && { kind: 'APIGroup', apiVersion: 'v1', ...found };
}

function entries(r: ApiResource): APIResourceEntry[] {
  const main: APIResourceEntry = { name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: [...r.verbs] };
  if (r.shortNames.length > 0) main.shortNames = [...r.shortNames];
  if (r.categories.length > 0) main.categories = [...r.categories];
  const subs = r.subresources.map((s) => {
    const entry: APIResourceEntry = { name: `${r.resource}/${s.name}`, singularName: '', namespaced: r.namespaced, kind: s.responseKind.kind, verbs: [...s.verbs] };
    if (s.responseKind.group !== r.group || s.responseKind.version !== r.version) {
      entry.group = s.responseKind.group;
      entry.version = s.responseKind.version;
    }
    return entry;
  });
  return [main, ...subs];
}

/** APIResourceList is the body of `/api/v1` and `/apis/{g}/{v}`. */
export interface APIResourceList {
  kind: 'APIResourceList';
  apiVersion: 'v1';
  groupVersion: string;
  resources: APIResourceEntry[];
}

/** apiResourceList is `/api/v1` or `/apis/{g}/{v}`, or undefined when that group/version is not served. */
export function apiResourceList(group: string, version: string, resources: readonly ApiResource[] = API_RESOURCES): APIResourceList | undefined {
  const gv = servedGroupVersions(resources).find((g) => g.group === group && g.version === version);
  if (!gv) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersionOf(group, version), resources: gv.resources.flatMap(entries) };
}
