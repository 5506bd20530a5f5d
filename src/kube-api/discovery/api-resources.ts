/** The resources the facade serves, derived from the emulator's KINDS with what discovery adds. */
import { KINDS, type KindInfo } from '../../emulator/kube/manifest/kinds.js';

/** GroupVersionKind names a kind in discovery's responseKind. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** SubresourceInfo is one subresource (`pods/log`) with the kind it answers in and its verbs. */
export interface SubresourceInfo {
  name: string;
  responseKind: GroupVersionKind;
  verbs: readonly string[];
}

/** ApiResource is one served resource as both discovery formats describe it. */
export interface ApiResource {
  group: string;
  version: string;
  kind: string;
  resource: string;
  singular: string;
  namespaced: boolean;
  verbs: readonly string[];
  shortNames: readonly string[];
  categories: readonly string[];
  subresources: readonly SubresourceInfo[];
}

/** ALL_VERBS are a normal resource's verbs, sorted as the API server lists them. */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

const STATUS_VERBS = ['get', 'patch', 'update'];

interface Extra {
  shortNames?: string[];
  all?: boolean;
  verbs?: readonly string[];
  subresources?: Array<[string, GroupVersionKind | 'self', readonly string[]]>;
}

const scale: GroupVersionKind = { group: 'autoscaling', version: 'v1', kind: 'Scale' };

/** What kube-apiserver's discovery says beyond KINDS (short names, `all` category, subresources). */
const EXTRAS: Record<string, Extra> = {
  Namespace: { shortNames: ['ns'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: [['finalize', 'self', ['update']], ['status', 'self', STATUS_VERBS]] },
  Pod: {
    shortNames: ['po'],
    all: true,
    subresources: [
      ['exec', { group: '', version: 'v1', kind: 'PodExecOptions' }, ['create', 'get']],
      ['log', 'self', ['get']],
      ['status', 'self', STATUS_VERBS],
    ],
  },
  ReplicationController: { shortNames: ['rc'], all: true, subresources: [['scale', scale, STATUS_VERBS], ['status', 'self', STATUS_VERBS]] },
  Service: { shortNames: ['svc'], all: true, subresources: [['status', 'self', STATUS_VERBS]] },
  Endpoints: { shortNames: ['ep'] },
  ConfigMap: { shortNames: ['cm'] },
  Event: { shortNames: ['ev'] },
  PersistentVolumeClaim: { shortNames: ['pvc'], subresources: [['status', 'self', STATUS_VERBS]] },
  PersistentVolume: { shortNames: ['pv'], subresources: [['status', 'self', STATUS_VERBS]] },
  Deployment: { shortNames: ['deploy'], all: true, subresources: [['scale', scale, STATUS_VERBS], ['status', 'self', STATUS_VERBS]] },
  ReplicaSet: { shortNames: ['rs'], all: true, subresources: [['scale', scale, STATUS_VERBS], ['status', 'self', STATUS_VERBS]] },
  StatefulSet: { shortNames: ['sts'], all: true, subresources: [['scale', scale, STATUS_VERBS], ['status', 'self', STATUS_VERBS]] },
  DaemonSet: { shortNames: ['ds'], all: true, subresources: [['status', 'self', STATUS_VERBS]] },
  StorageClass: { shortNames: ['sc'] },
  Ingress: { shortNames: ['ing'], subresources: [['status', 'self', STATUS_VERBS]] },
};

/** Node is served but is not a manifest kind, so KINDS lacks it. */
const NODE: KindInfo = { kind: 'Node', apiVersion: 'v1', resource: 'nodes', namespaced: false, legacyVersions: [] };
const NODE_EXTRA: Extra = { shortNames: ['no'], subresources: [['status', 'self', STATUS_VERBS]] };

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function toResource(info: KindInfo, extra: Extra): ApiResource {
  const { group, version } = splitApiVersion(info.apiVersion);
  const self: GroupVersionKind = { group, version, kind: info.kind };
  return {
    group,
    version,
    kind: info.kind,
    resource: info.resource,
    singular: info.kind.toLowerCase(),
    namespaced: info.namespaced,
    verbs: extra.verbs ?? ALL_VERBS,
    shortNames: extra.shortNames ?? [],
    categories: extra.all ? ['all'] : [],
    subresources: (extra.subresources ?? []).map(([name, kind, verbs]) => ({ name, responseKind: kind === 'self' ? self : kind, verbs })),
  };
}

/** legacyResources serve each kind's older apiVersions (the 2017 seed's `apps/v1beta1`, `storage.k8s.io/v1beta1`), listed after every current one so clients prefer the current; they stay out of `all`. */
function legacyResources(): ApiResource[] {
  return KINDS.flatMap((k) => k.legacyVersions.map((apiVersion) => ({ ...toResource({ ...k, apiVersion }, EXTRAS[k.kind] ?? {}), categories: [] })));
}

/** API_RESOURCES lists every served resource, core group first, in KINDS order, then the older versions still served. */
export const API_RESOURCES: readonly ApiResource[] = [
  ...[...KINDS.map((k) => toResource(k, EXTRAS[k.kind] ?? {})), toResource(NODE, NODE_EXTRA)].sort((a, b) => Number(a.group !== '') - Number(b.group !== '')),
  ...legacyResources(),
];

/** groupVersionOf prints `apps/v1`, or `v1` for the core group. */
export function groupVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** GroupVersion is a group and version served, with its resources. */
export interface GroupVersion {
  group: string;
  version: string;
  resources: ApiResource[];
}

/** servedGroupVersions groups API_RESOURCES by group/version, in first-seen order (core first). */
export function servedGroupVersions(resources: readonly ApiResource[] = API_RESOURCES): GroupVersion[] {
  const byKey = new Map<string, GroupVersion>();
  for (const r of resources) {
    const key = groupVersionOf(r.group, r.version);
    const gv = byKey.get(key) ?? { group: r.group, version: r.version, resources: [] };
    gv.resources.push(r);
    byKey.set(key, gv);
  }
  return [...byKey.values()];
}

/** findResource resolves a URL's group, version and plural resource (the server knows no short names). */
export function findResource(group: string, version: string, name: string, resources: readonly ApiResource[] = API_RESOURCES): ApiResource | undefined {
  return resources.find((r) => r.group === group && r.version === version && r.resource === name);
}

/** resourceForKind finds the served resource of a kind. */
export function resourceForKind(kind: string, resources: readonly ApiResource[] = API_RESOURCES): ApiResource | undefined {
  return resources.find((r) => r.kind === kind);
}
