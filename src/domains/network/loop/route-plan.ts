import type { Node, NodeCondition } from '../../../emulator/kube/index.js';
import { getObject } from '../../../emulator/kube/index.js';
import { reconcileRoutes, type GlobalRoute, type NetworkNode } from '../../../emulator/network/index.js';
import type { KubeCluster, ObjectAction } from '../../cluster/index.js';
import type { NetworkState } from '../model/network.types.js';

/** ROUTE_CONTROLLER is the component the cloud provider's route controller reports as. */
export const ROUTE_CONTROLLER = { component: 'route_controller' };

/** RoutePlan is one pass of the route controller: routes to add and delete in the VPC, Node statuses and Events to write. */
export interface RoutePlan {
  readonly add: readonly GlobalRoute[];
  readonly remove: readonly GlobalRoute[];
  readonly actions: ObjectAction[];
}

const networkUnavailable = (node: Node | undefined): NodeCondition | undefined => node?.status.conditions?.find((c) => c.type === 'NetworkUnavailable');

/** TAINT_NETWORK_UNAVAILABLE is the taint the node lifecycle controller puts on a node whose network is not set up (TaintNodesByCondition), so pods do not land where they cannot be reached. */
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** withNetworkTaint is the node with the network-unavailable NoSchedule taint on or off, or undefined when it already is. */
function withNetworkTaint(node: Node, unavailable: boolean): Node | undefined {
  const taints = node.spec.taints ?? [];
  const has = taints.some((t) => t.key === TAINT_NETWORK_UNAVAILABLE && t.effect === 'NoSchedule');
  if (has === unavailable) return undefined;
  const next = unavailable ? [...taints, { key: TAINT_NETWORK_UNAVAILABLE, effect: 'NoSchedule' }] : taints.filter((t) => t.key !== TAINT_NETWORK_UNAVAILABLE);
  const { taints: _dropped, ...rest } = node.spec;
  return { ...node, metadata: { ...node.metadata }, spec: next.length === 0 ? rest : { ...rest, taints: next } } as Node;
}

/** flannelCondition is what flannel's daemon writes on a node once its overlay is up (the VPC's route controller stays out). */
function flannelCondition(now: string, previous: NodeCondition | undefined): NodeCondition {
  const lastTransitionTime = previous?.status === 'False' ? (previous.lastTransitionTime ?? now) : now;
  return { type: 'NetworkUnavailable', status: 'False', reason: 'FlannelIsUp', message: 'Flannel is running on this node', lastTransitionTime };
}

/** lastPlan is the route controller's last pass and what it read: the loop asks whether a pass is due, then makes it, on the same state. */
let lastPlan: { network: NetworkState; nodes: readonly NetworkNode[]; kube: KubeCluster; revision: number; now: string; plan: RoutePlan } | undefined;

/** planRoutes runs the route controller over the cluster's nodes, writing NetworkUnavailable=True (with a FailedToCreateRoute Event) for a node left unrouted, and False once it is routed. */
export function planRoutes(network: NetworkState, nodes: readonly NetworkNode[], kube: KubeCluster, now: string): RoutePlan {
  // The network state is replaced on every change, the node list rebuilt, and the object store counts its writes.
  const last = lastPlan;
  if (last && last.network === network && last.nodes === nodes && last.kube === kube && last.revision === kube.revision && last.now === now) return last.plan;
  const plan = passRoutes(network, nodes, kube, now);
  lastPlan = { network, nodes, kube, revision: kube.revision, now, plan };
  return plan;
}

function passRoutes(network: NetworkState, nodes: readonly NetworkNode[], kube: KubeCluster, now: string): RoutePlan {
  const objects = new Map(nodes.map((n) => [n.name, getObject<Node>(kube, 'Node', undefined, n.name)]));
  const previous = Object.fromEntries(nodes.map((n) => [n.name, networkUnavailable(objects.get(n.name))]));
  const flannel = network.settings?.mode === 'Flannel';
  const decision = flannel
    ? { add: [], remove: network.routes, conditions: Object.fromEntries(nodes.map((n) => [n.name, flannelCondition(now, previous[n.name])])), events: [] }
    : reconcileRoutes({ nodes, routes: network.routes, quota: network.settings?.routeQuota, now, previous });
  const actions: ObjectAction[] = [];
  const eventsByNode = new Map<string, Array<(typeof decision.events)[number]>>();
  for (const event of decision.events) (eventsByNode.get(event.involvedObject.name) ?? eventsByNode.set(event.involvedObject.name, []).get(event.involvedObject.name)!).push(event);
  for (const node of nodes) {
    const object = objects.get(node.name);
    const wanted = decision.conditions[node.name];
    const had = previous[node.name];
    if (!object || !wanted || (had?.status === wanted.status && had.reason === wanted.reason)) continue;
    // A node routed at once keeps no condition (absent means available), so a healthy cluster's objects and timings stay as they were before routes existed.
    if (had === undefined && wanted.status === 'False') continue;
    const conditions = [...(object.status.conditions ?? []).filter((c) => c.type !== 'NetworkUnavailable'), wanted];
    actions.push({ type: 'status', kind: 'Node', name: node.name, status: { ...object.status, conditions } });
    const tainted = withNetworkTaint(object, wanted.status === 'True');
    if (tainted) actions.push({ type: 'update', object: tainted });
    for (const event of eventsByNode.get(node.name) ?? []) {
      actions.push({ type: 'event', involved: { kind: 'Node', name: node.name }, note: { type: event.type, reason: event.reason, message: event.message }, source: ROUTE_CONTROLLER });
    }
  }
  return { add: decision.add, remove: decision.remove, actions };
}
