import { seedNetworkWorld } from '../world/seed-world.js';
import { resolveServiceName } from './service-dns.js';
import { findServicePort, pickEndpoint, readyEndpoints, serviceByClusterIp } from './service-endpoints.js';

describe('services as the data plane sees them', () => {
  const world = seedNetworkWorld();

  it.each([
    ['web.default.svc.cluster.local', 'default', 'service'],
    ['web.default.svc', 'default', 'service'],
    ['web.default', 'default', 'service'],
    ['web', 'default', 'service'],
    ['web', 'kube-system', 'external'],
    ['db.default.svc.cluster.local', 'default', 'nxdomain'],
    ['www.qq.com', 'default', 'external'],
    ['example.com', 'default', 'external'],
  ])('cluster DNS resolves %s from namespace %s to a %s', (name, namespace, kind) => {
    expect(resolveServiceName(world, name, namespace).kind).toBe(kind);
  });

  it('reads the ready endpoints of a port with their target ports', () => {
    const service = serviceByClusterIp(world, '172.16.0.10')!;
    const port = findServicePort(service, 80)!;
    expect(readyEndpoints(world, service, port)).toEqual([{ ip: '10.0.1.3', port: 8080, nodeName: '172.0.0.3', pod: { namespace: 'default', name: 'web-b' } }]);
    expect(findServicePort(service, 'http')).toBe(port);
    expect(findServicePort(service, 81)).toBeUndefined();
  });

  it.each([
    [0, 'a'],
    [0.5, 'b'],
    [0.9999, 'c'],
  ])('picks uniformly: a draw of %d takes %s', (draw, expected) => {
    expect(pickEndpoint(['a', 'b', 'c'], () => draw)).toBe(expected);
  });
});
