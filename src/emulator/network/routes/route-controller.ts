import type { NodeCondition } from '../../kube/node.js';
import type { KubeEventDraft } from '../world/kube-event.js';
import type { GlobalRoute, NetworkNode } from '../world/network-world.js';

/** DEFAULT_ROUTE_QUOTA is how many routes a cluster's route table holds unless configured otherwise. */
export const DEFAULT_ROUTE_QUOTA = 200;

/** RoutedNode is what the route controller needs of a node: its name, CVM address and pod range. */
export type RoutedNode = Pick<NetworkNode, 'name' | 'privateIp' | 'podCidr'>;

/** RouteControllerInput is one reconcile pass: the nodes, the table as the VPC holds it, the quota, and virtual time. */
export interface RouteControllerInput {
  readonly nodes: readonly RoutedNode[];
  readonly routes: readonly GlobalRoute[];
  readonly quota?: number;
  readonly now: string;
  /** previous NetworkUnavailable conditions by node name, so an unchanged status keeps its lastTransitionTime. */
  readonly previous?: Readonly<Record<string, NodeCondition | undefined>>;
}

/** RouteDecision is what to change in the VPC and what each node's NetworkUnavailable condition becomes. */
export interface RouteDecision {
  readonly add: readonly GlobalRoute[];
  readonly remove: readonly GlobalRoute[];
  readonly conditions: Readonly<Record<string, NodeCondition>>;
  readonly unrouted: readonly string[];
  readonly events: readonly KubeEventDraft[];
}

const routeOf = (node: RoutedNode): GlobalRoute => ({ destination: node.podCidr, nextHop: node.privateIp, nodeName: node.name });
const sameRoute = (a: GlobalRoute, b: GlobalRoute): boolean => a.destination === b.destination && a.nextHop === b.nextHop && a.nodeName === b.nodeName;

/** networkCondition is the NetworkUnavailable condition as the route controller writes it. */
export function networkCondition(routed: boolean, now: string, previous?: NodeCondition): NodeCondition {
  const status = routed ? 'False' : 'True';
  const lastTransitionTime = previous?.status === status ? (previous.lastTransitionTime ?? now) : now;
  return routed
    ? { type: 'NetworkUnavailable', status, reason: 'RouteCreated', message: 'RouteController created a route', lastTransitionTime }
    : { type: 'NetworkUnavailable', status, reason: 'NoRouteCreated', message: 'RouteController failed to create a route', lastTransitionTime };
}

function failedEvent(node: RoutedNode, why: string): KubeEventDraft {
  return {
    type: 'Warning',
    reason: 'FailedToCreateRoute',
    message: `Could not create route ${node.name} ${node.podCidr} for node ${node.name}: ${why}`,
    involvedObject: { kind: 'Node', name: node.name },
  };
}

/** reconcileRoutes is the cloud provider's route controller: one route `podCidr → node IP` per node, stale ones removed first, new ones while the quota lasts. */
export function reconcileRoutes(input: RouteControllerInput): RouteDecision {
  const quota = input.quota ?? DEFAULT_ROUTE_QUOTA;
  const nodes = input.nodes.filter((node) => node.podCidr !== '');
  const desired = new Map(nodes.map((node) => [node.name, routeOf(node)]));
  const remove = input.routes.filter((route) => {
    const wanted = desired.get(route.nodeName);
    return wanted === undefined || !sameRoute(wanted, route);
  });
  const kept = input.routes.filter((route) => !remove.includes(route));
  const taken = new Map(kept.map((route) => [route.destination, route.nodeName]));
  const add: GlobalRoute[] = [];
  const unrouted: string[] = [];
  const events: KubeEventDraft[] = [];
  const conditions: Record<string, NodeCondition> = {};
  for (const node of nodes) {
    const owner = taken.get(node.podCidr);
    let why: string | undefined;
    if (owner === undefined) {
      if (kept.length + add.length < quota) {
        add.push(routeOf(node));
        taken.set(node.podCidr, node.name);
      } else why = `the cluster's route table is full (quota ${quota} routes)`;
    } else if (owner !== node.name) why = `destination ${node.podCidr} is already routed to node ${owner}`;
    if (why !== undefined) {
      unrouted.push(node.name);
      events.push(failedEvent(node, why));
    }
    conditions[node.name] = networkCondition(why === undefined, input.now, input.previous?.[node.name]);
  }
  return { add, remove, conditions, unrouted, events };
}

/** applyRouteDecision is the route table after the VPC carried out a decision. */
export function applyRouteDecision(routes: readonly GlobalRoute[], decision: Pick<RouteDecision, 'add' | 'remove'>): GlobalRoute[] {
  return [...routes.filter((route) => !decision.remove.includes(route)), ...decision.add];
}
