import fc from 'fast-check';
import type { GlobalRoute } from '../world/network-world.js';
import { applyRouteDecision, reconcileRoutes, type RoutedNode } from './route-controller.js';

const NOW = '2017-06-01T00:00:00Z';
const node = (i: number): RoutedNode => ({ name: `172.0.0.${i + 2}`, privateIp: `172.0.0.${i + 2}`, podCidr: `10.0.${i}.0/24` });
const route = (i: number): GlobalRoute => ({ destination: `10.0.${i}.0/24`, nextHop: `172.0.0.${i + 2}`, nodeName: `172.0.0.${i + 2}` });

describe('route controller', () => {
  it.each([
    ['a node joins', [node(0), node(1)], [route(0)], [route(1)], []],
    ['a node leaves', [node(0)], [route(0), route(1)], [], [route(1)]],
    ['nothing changed', [node(0), node(1)], [route(0), route(1)], [], []],
    ['a node came back with another IP', [{ ...node(0), privateIp: '172.0.0.9' }], [route(0)], [{ ...route(0), nextHop: '172.0.0.9' }], [route(0)]],
  ])('given the seed cluster, when %s, then routes follow the nodes', (_name, nodes, routes, add, remove) => {
    const decision = reconcileRoutes({ nodes, routes, now: NOW });
    expect(decision.add).toEqual(add);
    expect(decision.remove).toEqual(remove);
    expect(decision.unrouted).toEqual([]);
  });

  it('writes NetworkUnavailable=False with RouteCreated for a routed node', () => {
    const decision = reconcileRoutes({ nodes: [node(1)], routes: [], now: NOW });
    expect(decision.conditions['172.0.0.3']).toEqual({
      type: 'NetworkUnavailable',
      status: 'False',
      reason: 'RouteCreated',
      message: 'RouteController created a route',
      lastTransitionTime: NOW,
    });
  });

  it('given a full route table, when a node joins, then it is left NetworkUnavailable=True with a FailedToCreateRoute event', () => {
    const decision = reconcileRoutes({ nodes: [node(0), node(1), node(2)], routes: [route(0), route(1)], quota: 2, now: NOW });
    expect(decision.add).toEqual([]);
    expect(decision.unrouted).toEqual(['172.0.0.4']);
    expect(decision.conditions['172.0.0.4']).toMatchObject({ status: 'True', reason: 'NoRouteCreated', message: 'RouteController failed to create a route' });
    expect(decision.events).toEqual([
      {
        type: 'Warning',
        reason: 'FailedToCreateRoute',
        message: "Could not create route 172.0.0.4 10.0.2.0/24 for node 172.0.0.4: the cluster's route table is full (quota 2 routes)",
        involvedObject: { kind: 'Node', name: '172.0.0.4' },
      },
    ]);
  });

  it('given a full table, when a node leaves, then its slot goes to the waiting node', () => {
    const decision = reconcileRoutes({ nodes: [node(1), node(2)], routes: [route(0), route(1)], quota: 2, now: NOW });
    expect(decision.remove).toEqual([route(0)]);
    expect(decision.add).toEqual([route(2)]);
    expect(decision.unrouted).toEqual([]);
  });

  it('keeps lastTransitionTime while the status holds', () => {
    const previous = { '172.0.0.2': { type: 'NetworkUnavailable', status: 'False' as const, lastTransitionTime: '2017-01-01T00:00:00Z' } };
    const decision = reconcileRoutes({ nodes: [node(0)], routes: [route(0)], now: NOW, previous });
    expect(decision.conditions['172.0.0.2'].lastTransitionTime).toBe('2017-01-01T00:00:00Z');
  });

  it('refuses a pod range already routed to another node', () => {
    const decision = reconcileRoutes({ nodes: [node(0), { ...node(1), podCidr: '10.0.0.0/24' }], routes: [], now: NOW });
    expect(decision.unrouted).toEqual(['172.0.0.3']);
    expect(decision.events[0].message).toMatch(/destination 10.0.0.0\/24 is already routed to node 172.0.0.2/);
  });

  it('at every step the table equals the routed nodes’ pod ranges, within the quota (property)', () => {
    const steps = fc.array(fc.record({ join: fc.boolean(), ordinal: fc.nat(11) }), { maxLength: 60 });
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 14 }), (ops, quota) => {
        let nodes: RoutedNode[] = [];
        let routes: GlobalRoute[] = [];
        for (const op of ops) {
          nodes = op.join ? (nodes.some((n) => n.name === node(op.ordinal).name) ? nodes : [...nodes, node(op.ordinal)]) : nodes.filter((n) => n.name !== node(op.ordinal).name);
          const decision = reconcileRoutes({ nodes, routes, quota, now: NOW });
          routes = applyRouteDecision(routes, decision);
          const routed = nodes.filter((n) => !decision.unrouted.includes(n.name));
          expect(routes.map((r) => r.destination).sort()).toEqual(routed.map((n) => n.podCidr).sort());
          expect(routes.length).toBeLessThanOrEqual(quota);
          expect(decision.unrouted.length).toBe(Math.max(0, nodes.length - quota));
        }
      }),
    );
  });
});
