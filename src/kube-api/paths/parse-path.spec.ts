import { itemPath, parsePath, stripClusterPrefix, type ApiPath } from './parse-path.js';

describe('parsePath', () => {
  it.each<[string, ApiPath]>([
    ['/version?timeout=5s', { type: 'version' }],
    ['/api', { type: 'core-versions' }],
    ['/apis', { type: 'groups' }],
    ['/apis/apps', { type: 'group', group: 'apps' }],
    ['/api/v1', { type: 'resource-list', group: '', version: 'v1' }],
    ['/apis/apps/v1', { type: 'resource-list', group: 'apps', version: 'v1' }],
    ['/openapi/v3', { type: 'openapi-root' }],
    ['/openapi/v3/api/v1?hash=AB', { type: 'openapi', group: '', version: 'v1' }],
    ['/openapi/v3/apis/apps/v1', { type: 'openapi', group: 'apps', version: 'v1' }],
    ['/openapi/v2', { type: 'openapi-v2' }],
    ['/api/v1/pods?limit=500', { type: 'resource', group: '', version: 'v1', resource: 'pods' }],
    ['/api/v1/namespaces/default/pods', { type: 'resource', group: '', version: 'v1', namespace: 'default', resource: 'pods' }],
    ['/api/v1/namespaces/default/pods/web-0', { type: 'resource', group: '', version: 'v1', namespace: 'default', resource: 'pods', name: 'web-0' }],
    [
      '/api/v1/namespaces/default/pods/web-0/exec?command=ls',
      { type: 'resource', group: '', version: 'v1', namespace: 'default', resource: 'pods', name: 'web-0', subresource: 'exec' },
    ],
    ['/api/v1/namespaces', { type: 'resource', group: '', version: 'v1', resource: 'namespaces' }],
    ['/api/v1/namespaces/kube-system', { type: 'resource', group: '', version: 'v1', resource: 'namespaces', name: 'kube-system' }],
    ['/api/v1/namespaces/gone/finalize', { type: 'resource', group: '', version: 'v1', resource: 'namespaces', name: 'gone', subresource: 'finalize' }],
    ['/api/v1/nodes/n1', { type: 'resource', group: '', version: 'v1', resource: 'nodes', name: 'n1' }],
    [
      '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n1',
      { type: 'resource', group: 'coordination.k8s.io', version: 'v1', namespace: 'kube-node-lease', resource: 'leases', name: 'n1' },
    ],
    [
      '/apis/apps/v1/namespaces/default/deployments/web/scale',
      { type: 'resource', group: 'apps', version: 'v1', namespace: 'default', resource: 'deployments', name: 'web', subresource: 'scale' },
    ],
    ['/api/v1/watch/namespaces/default/pods', { type: 'resource', group: '', version: 'v1', namespace: 'default', resource: 'pods', watch: true }],
    ['/api/v1/namespaces/default/pods/a/b/c', { type: 'unknown' }],
    ['/healthz', { type: 'unknown' }],
  ])('%s', (path, expected) => {
    expect(parsePath(path)).toEqual(expected);
  });
});

describe('cluster prefix and item paths', () => {
  it.each([
    ['/k8s/cls-1/api/v1/pods?limit=500', { clusterId: 'cls-1', path: '/api/v1/pods?limit=500' }],
    ['/k8s/cls-1', { clusterId: 'cls-1', path: '/' }],
    ['/graphql', undefined],
  ])('strips %s', (path, expected) => {
    expect(stripClusterPrefix(path)).toEqual(expected);
  });

  it.each<[string, string | undefined, string | undefined, string]>([
    ['apps', 'default', 'web', '/apis/apps/v1/namespaces/default/deployments/web'],
    ['', undefined, 'n1', '/api/v1/deployments/n1'],
    ['', 'default', undefined, '/api/v1/namespaces/default/deployments'],
  ])('builds group %j namespace %j name %j', (group, namespace, name, expected) => {
    expect(itemPath(group, 'v1', 'deployments', namespace, name)).toBe(expected);
  });
});
