import { invalid, notFound, type FieldError } from '../../kube/validation/field-error.js';
import { findService, findServicePort, NetworkInputError, pickEndpoint, readyEndpoints, type Clb, type NetworkWorld, type Random, type ServiceEndpoint } from '../../network/index.js';
import { backendHealth, type BackendHealth } from './backend-health.js';

/** TrafficInput is how many requests clients send to the CLB's VIP, and to which listener port (the first by default). */
export interface TrafficInput {
  readonly requests: number;
  readonly port?: number;
}

/** TrafficResult shows both layers: client → node (the CLB's choice) and node → pod (kube-proxy's). */
export interface TrafficResult {
  readonly loadBalancerId: string;
  readonly listener: { readonly protocol: string; readonly port: number; readonly nodePort: number };
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly requests: number;
  readonly delivered: number;
  readonly backends: readonly BackendHealth[];
  readonly perNode: Readonly<Record<string, number>>;
  readonly perPod: Readonly<Record<string, number>>;
  /** forwardedAcrossNodes counts requests kube-proxy sent on to a pod on another node (never under Local). */
  readonly forwardedAcrossNodes: number;
  readonly dropped: Readonly<Record<string, number>>;
}

/** MAX_SIMULATED_REQUESTS bounds one simulation. */
export const MAX_SIMULATED_REQUESTS = 1_000_000;

const podName = (e: ServiceEndpoint): string => (e.pod ? `${e.pod.namespace}/${e.pod.name}` : e.ip);
const bump = (counts: Record<string, number>, key: string, by = 1): void => {
  counts[key] = (counts[key] ?? 0) + by;
};

function checkInput(clb: Clb, input: TrafficInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.requests) || input.requests < 1 || input.requests > MAX_SIMULATED_REQUESTS) {
    errors.push(invalid('requests', input.requests, `must be between 1 and ${MAX_SIMULATED_REQUESTS}, inclusive`));
  }
  if (input.port !== undefined && !clb.listeners.some((l) => l.port === input.port)) errors.push(notFound('port', input.port));
  if (clb.listeners.length === 0) errors.push(invalid('loadBalancerId', clb.id, 'the load balancer has no listeners'));
  return errors;
}

interface Tally {
  readonly perNode: Record<string, number>;
  readonly perPod: Record<string, number>;
  readonly dropped: Record<string, number>;
  forwardedAcrossNodes: number;
  delivered: number;
}

/** sendRequests plays the two layers: round robin over healthy nodes (equal weights), then kube-proxy's random choice of a pod. */
function sendRequests(clb: Clb, healthy: readonly string[], endpoints: readonly ServiceEndpoint[], requests: number, noEndpoints: string, random: Random): Tally {
  const tally: Tally = { perNode: {}, perPod: {}, dropped: {}, forwardedAcrossNodes: 0, delivered: 0 };
  for (let i = 0; i < requests; i++) {
    if (healthy.length === 0) {
      bump(tally.dropped, `no healthy backend behind ${clb.id}`);
      continue;
    }
    const node = healthy[i % healthy.length];
    bump(tally.perNode, node);
    const candidates = clb.externalTrafficPolicy === 'Local' ? endpoints.filter((e) => e.nodeName === node) : endpoints;
    if (candidates.length === 0) {
      bump(tally.dropped, noEndpoints);
      continue;
    }
    const endpoint = pickEndpoint(candidates, random);
    bump(tally.perPod, podName(endpoint));
    if (endpoint.nodeName !== node) tally.forwardedAcrossNodes++;
    tally.delivered++;
  }
  return tally;
}

/** simulateTraffic sends requests through a Service's CLB: weighted round robin over healthy nodes, then kube-proxy picks a pod (any under Cluster, a local one under Local). */
export function simulateTraffic(clb: Clb, world: NetworkWorld, input: TrafficInput, random: Random): TrafficResult {
  const errors = checkInput(clb, input);
  if (errors.length > 0) throw new NetworkInputError(errors);
  const listener = clb.listeners.find((l) => l.port === (input.port ?? clb.listeners[0].port))!;
  const key = `${clb.service.namespace}/${clb.service.name}`;
  const service = findService(world, clb.service.namespace, clb.service.name);
  const port = service && findServicePort(service, listener.port);
  const endpoints = service && port ? readyEndpoints(world, service, port) : [];
  const backends = backendHealth(clb, listener, world, endpoints);
  const healthy = backends.filter((b) => b.healthy).map((b) => b.nodeName);
  const noEndpoints = service ? `service ${key} has no endpoints` : `service ${key} not found`;
  const { perNode, perPod, dropped, forwardedAcrossNodes, delivered } = sendRequests(clb, healthy, endpoints, input.requests, noEndpoints, random);
  return {
    loadBalancerId: clb.id,
    listener: { protocol: listener.protocol, port: listener.port, nodePort: listener.nodePort },
    externalTrafficPolicy: clb.externalTrafficPolicy,
    requests: input.requests,
    delivered,
    backends,
    perNode,
    perPod,
    forwardedAcrossNodes,
    dropped,
  };
}
