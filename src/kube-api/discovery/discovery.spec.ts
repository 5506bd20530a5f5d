import { aggregatedDiscovery } from './aggregated.js';
import { API_RESOURCES, findResource } from './api-resources.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './legacy.js';
import { DISCOVERY_CONTENT_TYPES, negotiateDiscovery, negotiateObject } from './negotiate.js';
import { openApiDocument, openApiRoot } from './openapi.js';
import { versionInfo } from './version.js';

const KUBECTL_DISCOVERY =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const KUBECTL_TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('Accept negotiation', () => {
  it.each([
    [KUBECTL_DISCOVERY, 'v2'],
    ['application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json', 'v2beta1'],
    ['application/json', 'legacy'],
    ['application/vnd.kubernetes.protobuf,application/json', 'legacy'],
    [undefined, 'legacy'],
    ['application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,application/json', 'legacy'],
  ])('discovery for %s is %s', (accept, expected) => {
    expect(negotiateDiscovery(accept)).toBe(expected);
  });

  it('gives each aggregated version its exact Content-Type', () => {
    expect(DISCOVERY_CONTENT_TYPES.v2).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
  });

  it.each([
    [KUBECTL_TABLE, 'Table', 'application/json;as=Table;v=v1;g=meta.k8s.io'],
    ['application/json;as=Table;v=v1beta1;g=meta.k8s.io', 'Table', 'application/json;as=Table;v=v1beta1;g=meta.k8s.io'],
    ['application/vnd.kubernetes.protobuf,application/json', 'object', 'application/json'],
    ['application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io', 'PartialObjectMetadataList', 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io'],
    ['*/*', 'object', 'application/json'],
    ['', 'object', 'application/json'],
  ])('object format for %s is %s', (accept, as, contentType) => {
    expect(negotiateObject(accept)).toMatchObject({ as, contentType });
  });
});

describe('aggregated discovery', () => {
  it('serves only the core group on /api, with pods as kubectl needs them', () => {
    const list = aggregatedDiscovery(true);
    expect(list).toMatchObject({ kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {} });
    expect(list.items.map((i) => i.metadata.name)).toEqual(['']);
    const pods = list.items[0].versions[0].resources.find((r) => r.resource === 'pods');
    expect(pods).toMatchObject({
      responseKind: { group: '', version: 'v1', kind: 'Pod' },
      scope: 'Namespaced',
      singularResource: 'pod',
      shortNames: ['po'],
      categories: ['all'],
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    });
    expect(pods?.subresources?.map((s) => s.subresource)).toEqual(['exec', 'log', 'status']);
    expect(pods?.subresources?.[0].responseKind.kind).toBe('PodExecOptions');
  });

  it.each([
    ['apps', 'deployments', ['deploy']],
    ['storage.k8s.io', 'storageclasses', ['sc']],
    ['networking.k8s.io', 'ingresses', ['ing']],
    ['coordination.k8s.io', 'leases', undefined],
  ])('serves %s/%s on /apis, short names %j', (group, resource, shortNames) => {
    const item = aggregatedDiscovery(false, 'v2beta1').items.find((i) => i.metadata.name === group);
    expect(item?.versions[0]).toMatchObject({ version: 'v1', freshness: 'Current' });
    expect(item?.versions[0].resources.find((r) => r.resource === resource)?.shortNames).toEqual(shortNames);
  });

  it('names the nodes resource cluster-scoped and deployments/scale as autoscaling/v1 Scale', () => {
    const core = aggregatedDiscovery(true).items[0].versions[0].resources;
    expect(core.find((r) => r.resource === 'nodes')).toMatchObject({ scope: 'Cluster', shortNames: ['no'] });
    const apps = aggregatedDiscovery(false).items.find((i) => i.metadata.name === 'apps')!.versions[0].resources;
    expect(apps.find((r) => r.resource === 'deployments')?.subresources?.[0]).toEqual({
      subresource: 'scale',
      responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      verbs: ['get', 'patch', 'update'],
    });
  });
});

describe('legacy discovery', () => {
  it('answers /api and /apis', () => {
    expect(apiVersions('127.0.0.1:18080')).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:18080' }],
    });
    expect(apiGroupList().groups.find((g) => g.name === 'apps')).toEqual({
      name: 'apps',
      // The 2017 seed's apps/v1beta1 is still served, after the preferred current version.
      versions: [
        { groupVersion: 'apps/v1', version: 'v1' },
        { groupVersion: 'apps/v1beta1', version: 'v1beta1' },
        { groupVersion: 'apps/v1beta2', version: 'v1beta2' },
      ],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
    expect(apiGroup('apps')?.kind).toBe('APIGroup');
    expect(apiGroup('batch')).toBeUndefined();
  });

  it('lists resources and subresources per group/version', () => {
    const v1 = apiResourceList('', 'v1')!;
    expect(v1.groupVersion).toBe('v1');
    expect(v1.resources.find((r) => r.name === 'pods/log')).toEqual({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
    const apps = apiResourceList('apps', 'v1')!;
    expect(apps.resources.find((r) => r.name === 'deployments')).toMatchObject({ singularName: 'deployment', namespaced: true, kind: 'Deployment', shortNames: ['deploy'] });
    expect(apps.resources.find((r) => r.name === 'deployments/scale')).toMatchObject({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    expect(apiResourceList('apps', 'v1beta1')!.resources.map((r) => r.name).filter((n) => !n.includes('/'))).toEqual(['deployments', 'statefulsets']);
    expect(apiResourceList('storage.k8s.io', 'v1beta1')!.resources.map((r) => r.name)).toEqual(['storageclasses']);
    expect(apiResourceList('batch', 'v1')).toBeUndefined();
  });

  it('finds a resource by plural only', () => {
    expect(findResource('apps', 'v1', 'deployments')?.kind).toBe('Deployment');
    expect(findResource('', 'v1', 'po')).toBeUndefined();
    expect(API_RESOURCES.filter((r) => r.group === '').map((r) => r.resource)).toContain('nodes');
  });
});

describe('/version and OpenAPI v3', () => {
  it('claims v1.32 so gcloud dispatches to a kubectl with WebSocket exec', () => {
    expect(versionInfo()).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.0-emu' });
  });

  it('lists one document per group/version and a PATCH path with GVK for each kind', () => {
    const root = openApiRoot();
    expect(Object.keys(root.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/storage.k8s.io/v1']));
    expect(root.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    expect(openApiRoot('/k8s/c1').paths['api/v1'].serverRelativeURL.startsWith('/k8s/c1/openapi/v3/api/v1?hash=')).toBe(true);
    const doc = openApiDocument('apps', 'v1')!;
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch).toEqual({
      'x-kubernetes-group-version-kind': { group: 'apps', version: 'v1', kind: 'Deployment' },
      parameters: [{ name: 'fieldValidation', in: 'query', schema: { type: 'string' } }],
      responses: { '200': { description: 'OK' } },
    });
    expect(openApiDocument('', 'v1')!.paths['/api/v1/nodes/{name}']).toBeDefined();
  });
});
