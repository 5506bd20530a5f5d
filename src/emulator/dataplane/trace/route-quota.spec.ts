import { applyRouteDecision, reconcileRoutes, seedNetworkWorld, type NetworkWorld } from '../../network/index.js';
import { tracePacket } from './trace-packet.js';

const seed = seedNetworkWorld();
const third = { name: '172.0.0.4', privateIp: '172.0.0.4', hostIp: '10.172.1.3', podCidr: '10.0.2.0/24', zone: 'ap-guangzhou-3' };
const joined: NetworkWorld = { ...seed, nodes: [...seed.nodes, third], pods: [...seed.pods, { namespace: 'default', name: 'web-c', ip: '10.0.2.2', nodeName: '172.0.0.4' }] };

describe('route controller and data plane together', () => {
  it('given a route table full at 2 routes, when a third node joins, then its pods are unreachable under GlobalRouter but not under Flannel', () => {
    const decision = reconcileRoutes({ nodes: joined.nodes, routes: joined.globalRoutes, quota: 2, now: '2017-06-01T00:00:00Z' });
    expect(decision.unrouted).toEqual(['172.0.0.4']);
    const world = { ...joined, globalRoutes: applyRouteDecision(joined.globalRoutes, decision) };
    expect(tracePacket(world, { from: 'default/web-a', to: 'default/web-c' }, () => 0)).toMatchObject({ delivered: false, dropCode: 'NoRoute' });
    expect(tracePacket({ ...world, mode: 'Flannel' }, { from: 'default/web-a', to: 'default/web-c' }, () => 0).delivered).toBe(true);
  });

  it('given the quota raised, when the controller runs again, then the third node’s route appears and its pods are reachable', () => {
    const decision = reconcileRoutes({ nodes: joined.nodes, routes: joined.globalRoutes, now: '2017-06-01T00:00:00Z' });
    const world = { ...joined, globalRoutes: applyRouteDecision(joined.globalRoutes, decision) };
    const trace = tracePacket(world, { from: 'default/web-a', to: 'default/web-c' }, () => 0);
    expect(trace.delivered).toBe(true);
    expect(trace.hops.map((h) => h.decision)).toContain('10.0.2.0/24 → 172.0.0.4');
  });
});
