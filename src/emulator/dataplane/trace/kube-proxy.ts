import { findServicePort, nodePortOwner, pickEndpoint, readyEndpoints, serviceByClusterIp, serviceKey, type NetworkNode, type ServiceEndpoint } from '../../network/index.js';
import type { Service, ServicePort } from '../../kube/service.js';
import type { PacketTrace } from './packet-trace.js';
import { nodeAt } from './trace-places.js';
import type { TraceContext } from './trace-context.js';

/** Dnat is kube-proxy's verdict: no rule for this address, a rewritten destination, or a drop. */
export type Dnat = { readonly kind: 'none' } | { readonly kind: 'dnat'; readonly endpoint: ServiceEndpoint; readonly service: Service } | { readonly kind: 'dropped'; readonly trace: PacketTrace };

const endpointName = (e: ServiceEndpoint): string => (e.pod ? `${e.pod.namespace}/${e.pod.name}` : e.ip);

function chooseEndpoint(ctx: TraceContext, node: NetworkNode, service: Service, port: ServicePort, chain: string, lookup: string, localOnly: boolean): Dnat {
  const all = readyEndpoints(ctx.world, service, port);
  const endpoints = localOnly ? all.filter((e) => e.nodeName === node.name) : all;
  if (endpoints.length === 0) {
    const why = localOnly && all.length > 0 ? `service ${serviceKey(service)} has no local endpoints on node ${node.name} (externalTrafficPolicy: Local)` : `service ${serviceKey(service)} has no endpoints`;
    return { kind: 'dropped', trace: ctx.trace.drop('NoEndpoints', why, nodeAt(node), `iptables nat ${chain}`) };
  }
  const endpoint = pickEndpoint(endpoints, ctx.random);
  const detail = `kube-proxy picked endpoint ${endpointName(endpoint)} at random among ${endpoints.length} ready endpoint${endpoints.length === 1 ? '' : 's'}`;
  ctx.trace.hop(nodeAt(node), `iptables nat ${chain}`, lookup, `DNAT to ${endpoint.ip}:${endpoint.port}`, detail);
  ctx.port = endpoint.port;
  return { kind: 'dnat', endpoint, service };
}

/** clusterIpDnat is KUBE-SERVICES: traffic to a cluster IP is rewritten to one of the service's ready endpoints. */
export function clusterIpDnat(ctx: TraceContext, node: NetworkNode, dstIp: string): Dnat {
  const service = serviceByClusterIp(ctx.world, dstIp);
  if (!service) return { kind: 'none' };
  const port = findServicePort(service, ctx.port);
  const lookup = `${dstIp}:${ctx.port ?? port?.port ?? '?'}/${ctx.protocol}`;
  if (!port || (port.protocol ?? 'TCP') !== ctx.protocol) {
    const why = `service ${serviceKey(service)} has no ${ctx.protocol} port ${ctx.port}: no kube-proxy rule matches, and a cluster IP answers nothing else`;
    return { kind: 'dropped', trace: ctx.trace.drop('NoServicePort', why, nodeAt(node), 'iptables nat KUBE-SERVICES') };
  }
  return chooseEndpoint(ctx, node, service, port, 'KUBE-SERVICES', lookup, false);
}

/** nodePortDnat is KUBE-NODEPORTS: traffic to a node's own IP on a node port goes to an endpoint (only local ones under externalTrafficPolicy Local). */
export function nodePortDnat(ctx: TraceContext, node: NetworkNode): Dnat {
  const owner = ctx.port === undefined ? undefined : nodePortOwner(ctx.world, ctx.port);
  if (!owner || (owner.port.protocol ?? 'TCP') !== ctx.protocol) return { kind: 'none' };
  const local = owner.service.spec.externalTrafficPolicy === 'Local';
  return chooseEndpoint(ctx, node, owner.service, owner.port, 'KUBE-NODEPORTS', `${node.privateIp}:${ctx.port}/${ctx.protocol}`, local);
}
