import { inCidr, lookupVpcRoute, vpcRouteTable, type NetworkNode } from '../../network/index.js';
import { masquerade, toInternet, toPeer } from './egress.js';
import { clusterIpDnat, nodePortDnat } from './kube-proxy.js';
import type { PacketTrace } from './packet-trace.js';
import { toPodRange } from './pod-network.js';
import type { Target } from './resolve-ends.js';
import { bridgeOf, hostAt, nodeAt, podAt } from './trace-places.js';
import type { TraceContext } from './trace-context.js';
import { crossVpc } from './vpc-underlay.js';

/** deliverToPod is the last bridge hop: the pod holding the address on this node gets the packet. */
function deliverToPod(ctx: TraceContext, node: NetworkNode, dstIp: string): PacketTrace {
  const { world, trace } = ctx;
  trace.hop(nodeAt(node), 'kernel routes', dstIp, `${node.podCidr} dev ${bridgeOf(world)}`, `${dstIp} is on this node's bridge`);
  const pod = world.pods.find((p) => p.ip === dstIp && p.nodeName === node.name);
  if (!pod) return trace.drop('UnknownPod', `no pod has IP ${dstIp} on node ${node.name}: the bridge ${bridgeOf(world)} has no such neighbour`, nodeAt(node), bridgeOf(world));
  trace.hop(podAt(pod), 'pod eth0', ctx.port === undefined ? dstIp : `${dstIp}:${ctx.port}`, 'delivered', `through ${bridgeOf(world)} and the pod's veth pair`);
  return trace.deliver();
}

/** arriveAtNode continues in the guest kernel of the node a packet reached: a node port, the node itself, or one of its pods. */
export function arriveAtNode(ctx: TraceContext, node: NetworkNode, dstIp: string): PacketTrace {
  if (dstIp !== node.privateIp) return deliverToPod(ctx, node, dstIp);
  const dnat = nodePortDnat(ctx, node);
  if (dnat.kind === 'dropped') return dnat.trace;
  if (dnat.kind === 'dnat') {
    if (dnat.service.spec.externalTrafficPolicy === 'Local') {
      ctx.trace.hop(nodeAt(node), 'iptables nat KUBE-POSTROUTING', ctx.srcIp, 'no SNAT', 'externalTrafficPolicy: Local keeps the client address');
    } else {
      ctx.srcIp = masquerade(ctx, node, ctx.srcIp, 'externalTrafficPolicy: Cluster: the reply must come back through this node');
    }
    return forwardFromNode(ctx, node, { kind: 'ip', ip: dnat.endpoint.ip });
  }
  ctx.trace.hop(nodeAt(node), 'local delivery', ctx.port === undefined ? dstIp : `${dstIp}:${ctx.port}`, 'delivered', "to the node's own network stack");
  return ctx.trace.deliver();
}

/** toVpcAddress reaches an instance in the VPC (a CVM or a CDB) through the VPC route table. */
function toVpcAddress(ctx: TraceContext, node: NetworkNode, dstIp: string): PacketTrace {
  const { world, trace } = ctx;
  trace.hop(nodeAt(node), 'kernel routes', dstIp, `${world.vpc.cidr} dev eth0`, 'an address in the VPC');
  if (world.mode === 'Flannel') ctx.srcIp = masquerade(ctx, node, ctx.srcIp, 'the VPC does not know the flannel pod range');
  const route = lookupVpcRoute(vpcRouteTable(world), dstIp);
  if (!route || !crossVpc(ctx, node.hostIp, dstIp)) return trace.drop('NoRoute', `no route to ${dstIp}: no instance holds that address in ${world.vpc.id}`, hostAt(node.hostIp), 'VPC route table');
  if (route.target.kind === 'cvm') {
    const target = world.nodes.find((n) => n.privateIp === dstIp)!;
    return arriveAtNode(ctx, target, dstIp);
  }
  trace.hop(`CDB ${route.target.id} (${dstIp})`, 'database listener', `${dstIp}:${ctx.port ?? '?'}`, 'delivered', 'a cloud database in the same VPC');
  return trace.deliver();
}

/** forwardFromNode routes a packet leaving a node's guest kernel: kube-proxy first, then the bridge, the pod network, the VPC, a peering or the internet. */
export function forwardFromNode(ctx: TraceContext, node: NetworkNode, target: Exclude<Target, { kind: 'unknown' }>): PacketTrace {
  const { world, trace } = ctx;
  if (target.kind === 'external') return toInternet(ctx, node, ctx.srcIp, target.name);
  let dstIp = target.ip;
  const dnat = clusterIpDnat(ctx, node, dstIp);
  if (dnat.kind === 'dropped') return dnat.trace;
  if (dnat.kind === 'dnat') dstIp = dnat.endpoint.ip;
  if (inCidr(node.podCidr, dstIp)) return deliverToPod(ctx, node, dstIp);
  if (dstIp === node.privateIp) return arriveAtNode(ctx, node, dstIp);
  if (inCidr(world.podCidr, dstIp)) return toPodRange(ctx, node, dstIp, arriveAtNode);
  if (inCidr(world.serviceCidr, dstIp)) return trace.drop('NoRoute', `no service holds cluster IP ${dstIp}: kube-proxy has no rule for it`, nodeAt(node), 'iptables nat KUBE-SERVICES');
  if (inCidr(world.vpc.cidr, dstIp)) return toVpcAddress(ctx, node, dstIp);
  return toPeer(ctx, node, ctx.srcIp, dstIp) ?? toInternet(ctx, node, ctx.srcIp, dstIp);
}
