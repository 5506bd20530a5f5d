import { deciderSpec } from '../../../platform/kernel/testing/decider-spec.js';
import { networkDecider } from './network.decider.js';
import type { NetworkCommand, NetworkEvent, NetworkSettings } from './network.types.js';

const spec = deciderSpec(networkDecider);
const at = '2017-06-01T00:00:00.000Z';
const clusterId = 'cls-seed0001';
const settings: NetworkSettings = { clusterId, accountId: 'sandbox', mode: 'GlobalRouter', routeQuota: 2, vpcId: 'vpc-seed0001', vpcCidr: '172.0.0.0/24', podCidr: '10.0.0.0/14', serviceCidr: '172.16.0.0/16' };
const created: NetworkEvent = { type: 'ClusterNetworkCreated', data: { ...settings, at } };
const route = (i: number) => ({ destination: `10.0.${i}.0/24`, nextHop: `172.0.0.${i + 2}`, nodeName: `172.0.0.${i + 2}` });
const routeCreated = (i: number): NetworkEvent => ({ type: 'RouteCreated', data: { clusterId, ...route(i), at } });
const reconcile = (add: number[], remove: number[] = []): NetworkCommand => ({ type: 'ReconcileRoutes', data: { clusterId, at, add: add.map(route), remove: remove.map(route) } });
const clb = { id: 'lb-seed0001', vip: '118.89.10.10', service: { namespace: 'default', name: 'web' }, externalTrafficPolicy: 'Cluster' as const, listeners: [] };
const lb = { clusterId, id: 'lb-seed0001', vip: '118.89.10.10', kind: 'Service' as const, namespace: 'default', name: 'web', createdAt: at, readyAt: '2017-06-01T00:00:05.000Z', spec: { clb } };
const provisioning: NetworkEvent = { type: 'LoadBalancerProvisioning', data: lb };
const ensure = (when: string): NetworkCommand => ({ type: 'EnsureLoadBalancer', data: { clusterId, id: lb.id, at: when } });

describe('network decider', () => {
  it('given no network, then routes are NOT_FOUND', () => {
    spec.given([]).when(reconcile([0])).thenRejects('NOT_FOUND', 'clusterId');
  });

  it('given a node joining, then a route podCidr → node IP is created', () => {
    spec.given([created]).when(reconcile([0])).then([routeCreated(0)]);
  });

  it('given a route per node, when a node leaves, then its route is deleted and nothing else', () => {
    spec.given([created, routeCreated(0), routeCreated(1)]).when(reconcile([], [1])).then([{ type: 'RouteDeleted', data: { clusterId, ...route(1), at } }]);
  });

  it('never exceeds the route quota, nor holds two routes for one destination, whatever the controller asks', () => {
    spec.given([created]).when(reconcile([0, 0, 1, 2])).then([routeCreated(0), routeCreated(1)]);
    spec.given([created, routeCreated(0)]).when(reconcile([0], [5])).then([]);
  });

  it('frees quota by deleting before creating', () => {
    spec.given([created, routeCreated(0), routeCreated(1)]).when(reconcile([2], [0])).thenState((state) => expect(state.routes).toEqual([route(1), route(2)]));
  });

  it('ensures a CLB only once its provisioning time has passed', () => {
    spec.given([created, provisioning]).when(ensure(at)).then([]);
    spec.given([created, provisioning]).when(ensure(lb.readyAt)).then([{ type: 'LoadBalancerEnsured', data: { clusterId, id: lb.id, at: lb.readyAt } }]);
    spec.given([created, provisioning]).when(ensure(lb.readyAt)).thenState((state) => expect(state.loadBalancers[lb.id].status).toBe('Active'));
  });

  it('refuses a CLB id already taken, and changes to an unknown CLB', () => {
    spec.given([created, provisioning]).when({ type: 'ProvisionLoadBalancer', data: lb }).thenRejects('CONFLICT', 'loadBalancerId');
    spec.given([created]).when({ type: 'DeleteLoadBalancer', data: { clusterId, id: 'lb-nothere0', at } }).thenRejects('NOT_FOUND', 'loadBalancerId');
  });

  it('deletes a CLB, naming what it served', () => {
    spec.given([created, provisioning]).when({ type: 'DeleteLoadBalancer', data: { clusterId, id: lb.id, at } }).then([
      { type: 'LoadBalancerDeleted', data: { clusterId, id: lb.id, at, kind: 'Service', namespace: 'default', name: 'web' } },
    ]);
  });
});
