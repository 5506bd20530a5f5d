import type { Service, ServicePort } from '../../kube/service.js';
import type { NetworkWorld, Random } from '../world/network-world.js';

/** ServiceEndpoint is one ready backend of a service port: the pod's IP, the target port, and where it runs. */
export interface ServiceEndpoint {
  readonly ip: string;
  readonly port: number;
  readonly nodeName?: string;
  readonly pod?: { readonly namespace: string; readonly name: string };
}

/** serviceKey is `<namespace>/<name>`, as kubectl and the events name a Service. */
export const serviceKey = (service: Service): string => `${service.metadata.namespace ?? 'default'}/${service.metadata.name ?? ''}`;

/** findService finds a Service by namespace and name. */
export function findService(world: Pick<NetworkWorld, 'services'>, namespace: string, name: string): Service | undefined {
  return world.services.find((s) => (s.metadata.namespace ?? 'default') === namespace && s.metadata.name === name);
}

/** serviceByClusterIp finds the Service that holds a cluster IP. */
export function serviceByClusterIp(world: Pick<NetworkWorld, 'services'>, ip: string): Service | undefined {
  return world.services.find((s) => s.spec.clusterIP === ip || (s.spec.clusterIPs ?? []).includes(ip));
}

/** findServicePort picks a service port by number or name; with neither, the first port. */
export function findServicePort(service: Service, port?: number | string): ServicePort | undefined {
  const ports = service.spec.ports ?? [];
  if (port === undefined) return ports[0];
  return ports.find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
}

/** readyEndpoints lists the ready addresses of a service port, each with its target port, from the service's Endpoints. */
export function readyEndpoints(world: Pick<NetworkWorld, 'endpoints'>, service: Service, port: ServicePort): ServiceEndpoint[] {
  const namespace = service.metadata.namespace ?? 'default';
  const endpoints = world.endpoints.find((e) => (e.metadata.namespace ?? 'default') === namespace && e.metadata.name === service.metadata.name);
  const found: ServiceEndpoint[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const ports = subset.ports ?? [];
    const target = ports.find((p) => (p.name ?? '') === (port.name ?? '')) ?? (ports.length === 1 ? ports[0] : undefined);
    if (target === undefined) continue;
    for (const address of subset.addresses ?? []) {
      const ref = address.targetRef?.kind === 'Pod' ? { namespace: address.targetRef.namespace ?? namespace, name: address.targetRef.name } : undefined;
      found.push({ ip: address.ip, port: target.port, ...(address.nodeName ? { nodeName: address.nodeName } : {}), ...(ref ? { pod: ref } : {}) });
    }
  }
  return found;
}

/** nodePortOwner finds the service port that listens on a node port. */
export function nodePortOwner(world: Pick<NetworkWorld, 'services'>, nodePort: number): { service: Service; port: ServicePort } | undefined {
  for (const service of world.services) {
    const port = (service.spec.ports ?? []).find((p) => p.nodePort === nodePort);
    if (port && (service.spec.type === 'NodePort' || service.spec.type === 'LoadBalancer')) return { service, port };
  }
  return undefined;
}

/** pickEndpoint chooses uniformly, as kube-proxy's iptables `statistic --mode random` rules do. */
export function pickEndpoint<T>(endpoints: readonly T[], random: Random): T {
  return endpoints[Math.min(endpoints.length - 1, Math.floor(random() * endpoints.length))];
}
