import { seedNetworkWorld } from '../world/seed-world.js';
import { lookupGlobalRoute, lookupVpcRoute, vpcRouteTable } from './route-lookup.js';

describe('route lookups on the seed network', () => {
  const world = seedNetworkWorld();

  it.each([
    ['10.0.1.3', '172.0.0.3'],
    ['10.0.0.2', '172.0.0.2'],
    ['10.0.2.9', undefined],
    ['not-an-ip', undefined],
  ])('the global route table sends %s to %s', (ip, nextHop) => {
    expect(lookupGlobalRoute(world.globalRoutes, ip)?.nextHop).toBe(nextHop);
  });

  it('prefers the longest prefix', () => {
    const routes = [...world.globalRoutes, { destination: '10.0.1.0/25', nextHop: '172.0.0.9', nodeName: 'x' }];
    expect(lookupGlobalRoute(routes, '10.0.1.3')?.nextHop).toBe('172.0.0.9');
    expect(lookupGlobalRoute(routes, '10.0.1.200')?.nextHop).toBe('172.0.0.3');
  });

  it('the VPC route table puts each CVM on its physical host', () => {
    const table = vpcRouteTable({ ...world, cdbInstances: [{ id: 'cdb-seed0001', vip: '172.0.0.10', port: 3306, hostIp: '10.172.1.9' }] });
    expect(lookupVpcRoute(table, '172.0.0.3')).toEqual({ destination: '172.0.0.3', hostIp: '10.172.1.2', target: { kind: 'cvm', nodeName: '172.0.0.3' } });
    expect(lookupVpcRoute(table, '172.0.0.10')?.target).toEqual({ kind: 'cdb', id: 'cdb-seed0001' });
    expect(lookupVpcRoute(table, '172.0.0.99')).toBeUndefined();
  });
});
