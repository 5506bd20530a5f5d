import type { GlobalRoute } from '../../../emulator/network/index.js';
import { alreadyExists, notFound, type Decider } from '../../../platform/kernel/index.js';
import { decideEgress } from './egress.decider.js';
import { evolveEgress } from './egress.evolve.js';
import { emptyEgress } from './egress.types.js';
import type { LoadBalancerRecord, NetworkCommand, NetworkEvent, NetworkState } from './network.types.js';

const initialState = (): NetworkState => ({ status: 'absent', routes: [], loadBalancers: {}, egress: emptyEgress(), simulations: 0 });

const sameRoute = (a: GlobalRoute, b: GlobalRoute): boolean => a.destination === b.destination && a.nextHop === b.nextHop && a.nodeName === b.nodeName;
const routeOf = ({ destination, nextHop, nodeName }: GlobalRoute): GlobalRoute => ({ destination, nextHop, nodeName });

/** reconcileRoutes keeps the table's invariants whatever the controller saw: only routes present are deleted, one route per destination, never beyond the quota. */
function reconcileRoutes(state: NetworkState, data: Extract<NetworkCommand, { type: 'ReconcileRoutes' }>['data']): NetworkEvent[] {
  const { clusterId, at } = data;
  const remove = state.routes.filter((route) => data.remove.some((r) => sameRoute(r, route)));
  const kept = state.routes.filter((route) => !remove.includes(route));
  const taken = new Set(kept.map((route) => route.destination));
  const quota = state.settings?.routeQuota ?? 0;
  const add: GlobalRoute[] = [];
  for (const route of data.add) {
    if (taken.has(route.destination) || kept.length + add.length >= quota) continue;
    taken.add(route.destination);
    add.push(routeOf(route));
  }
  return [
    ...remove.map((route): NetworkEvent => ({ type: 'RouteDeleted', data: { clusterId, ...routeOf(route), at } })),
    ...add.map((route): NetworkEvent => ({ type: 'RouteCreated', data: { clusterId, ...route, at } })),
  ];
}

function existing(state: NetworkState, id: string): LoadBalancerRecord {
  const found = state.loadBalancers[id];
  if (!found) throw notFound('loadbalancers', id, 'loadBalancerId');
  return found;
}

function decide(command: NetworkCommand, state: NetworkState): NetworkEvent[] {
  if (state.status !== 'active') throw notFound('clusters', command.data.clusterId, 'clusterId');
  switch (command.type) {
    case 'ReconcileRoutes':
      return reconcileRoutes(state, command.data);
    case 'ProvisionLoadBalancer': {
      if (state.loadBalancers[command.data.id]) throw alreadyExists('loadbalancers', command.data.id, 'loadBalancerId');
      return [{ type: 'LoadBalancerProvisioning', data: command.data }];
    }
    case 'EnsureLoadBalancer': {
      const lb = existing(state, command.data.id);
      return lb.status === 'Provisioning' && command.data.at >= lb.readyAt ? [{ type: 'LoadBalancerEnsured', data: command.data }] : [];
    }
    case 'UpdateLoadBalancer':
      existing(state, command.data.id);
      return [{ type: 'LoadBalancerUpdated', data: command.data }];
    case 'DeleteLoadBalancer': {
      const { kind, namespace, name } = existing(state, command.data.id);
      return [{ type: 'LoadBalancerDeleted', data: { ...command.data, kind, namespace, name } }];
    }
    case 'RecordTraffic':
      return [{ type: 'TrafficSimulated', data: command.data }];
    case 'RecordRequest':
      return [{ type: 'RequestSimulated', data: command.data }];
    default:
      return decideEgress(command, state.settings!, state.egress);
  }
}

function evolve(state: NetworkState, event: NetworkEvent): NetworkState {
  switch (event.type) {
    case 'ClusterNetworkCreated': {
      const { at: _at, ...settings } = event.data;
      return { ...state, status: 'active', settings };
    }
    case 'RouteCreated':
      return { ...state, routes: [...state.routes, routeOf(event.data)] };
    case 'RouteDeleted':
      return { ...state, routes: state.routes.filter((route) => !sameRoute(route, event.data)) };
    case 'LoadBalancerProvisioning': {
      const { clusterId: _clusterId, ...record } = event.data;
      return { ...state, loadBalancers: { ...state.loadBalancers, [record.id]: { ...record, status: 'Provisioning' } } };
    }
    case 'LoadBalancerEnsured':
    case 'LoadBalancerUpdated': {
      const lb = state.loadBalancers[event.data.id];
      if (!lb) return state;
      const next: LoadBalancerRecord = event.type === 'LoadBalancerEnsured' ? { ...lb, status: 'Active' } : { ...lb, spec: event.data.spec };
      return { ...state, loadBalancers: { ...state.loadBalancers, [lb.id]: next } };
    }
    case 'LoadBalancerDeleted': {
      const { [event.data.id]: _gone, ...rest } = state.loadBalancers;
      return { ...state, loadBalancers: rest };
    }
    case 'TrafficSimulated':
    case 'RequestSimulated':
      return { ...state, simulations: state.simulations + 1 };
    default:
      return { ...state, egress: evolveEgress(state.egress, event) };
  }
}

/** networkDecider: one cluster's network in the VPC — its route table (one route per node's pod range, within quota), its CLBs' lifecycle, and its way out (egress). */
export const networkDecider: Decider<NetworkState, NetworkCommand, NetworkEvent> = {
  get initialState() {
    return initialState();
  },
  decide,
  evolve,
};
