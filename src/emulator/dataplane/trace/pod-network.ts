import { lookupGlobalRoute, nodeForPodIp, type NetworkNode } from '../../network/index.js';
import { FLANNEL_VXLAN_OVERHEAD, type PacketTrace } from './packet-trace.js';
import { bridgeOf, hostAt, nodeAt, vpcGatewayIp } from './trace-places.js';
import type { TraceContext } from './trace-context.js';
import { crossVpc } from './vpc-underlay.js';

/** Arrive is how a packet continues once it reaches a node's guest kernel. */
export type Arrive = (ctx: TraceContext, node: NetworkNode, dstIp: string) => PacketTrace;

/** viaGlobalRoutes is the seed's path: the node hands the packet to the VPC, whose global route table names the node holding the pod range. */
function viaGlobalRoutes(ctx: TraceContext, node: NetworkNode, dstIp: string, arrive: Arrive): PacketTrace {
  const { world, trace } = ctx;
  const gateway = vpcGatewayIp(world, node);
  trace.hop(nodeAt(node), 'kernel routes', dstIp, `default via ${gateway} dev eth0`, `${dstIp} is not on ${bridgeOf(world)} (${node.podCidr}): the node hands it to the VPC`);
  const route = lookupGlobalRoute(world.globalRoutes, dstIp);
  if (!route) return trace.drop('NoRoute', `no route to ${dstIp}: the cluster's global route table has no entry for it`, hostAt(node.hostIp), 'global route table');
  trace.hop(hostAt(node.hostIp), 'global route table', dstIp, `${route.destination} → ${route.nextHop}`, `node ${route.nodeName}'s pod range, added by the route controller`);
  const target = world.nodes.find((n) => n.privateIp === route.nextHop);
  if (!target || !crossVpc(ctx, node.hostIp, route.nextHop)) {
    return trace.drop('NoRoute', `no route to ${route.nextHop}: the VPC route table has no instance with that address`, hostAt(node.hostIp), 'VPC route table');
  }
  return arrive(ctx, target, dstIp);
}

/** viaFlannel is the self-built overlay: flannel.1 wraps the pod packet in VXLAN inside the guest, addressed to the other node's VM. */
function viaFlannel(ctx: TraceContext, node: NetworkNode, dstIp: string, arrive: Arrive): PacketTrace {
  const { world, trace } = ctx;
  const target = nodeForPodIp(world.nodes, dstIp);
  if (!target) return trace.drop('NoRoute', `no route to ${dstIp}: no node holds a flannel subnet lease for it`, nodeAt(node), 'kernel routes');
  const subnet = target.podCidr.split('/')[0];
  trace.hop(nodeAt(node), 'kernel routes', dstIp, `${target.podCidr} via ${subnet} dev flannel.1 onlink`, `flannel's subnet lease: ${target.podCidr} belongs to node ${target.name}`);
  trace.hop(nodeAt(node), 'flannel.1 forwarding database', subnet, `VTEP ${target.privateIp}`, 'flanneld wrote the other node\'s VTEP from its lease');
  trace.encapsulate(`VXLAN flannel.1 (VNI 1, UDP 8472): ${node.privateIp} → ${target.privateIp}, +${FLANNEL_VXLAN_OVERHEAD} bytes in the guest`, FLANNEL_VXLAN_OVERHEAD);
  trace.hop(nodeAt(node), 'kernel routes', target.privateIp, 'dev eth0 (VPC subnet)', `the outer packet goes to ${target.privateIp}, an ordinary VPC address`);
  if (!crossVpc(ctx, node.hostIp, target.privateIp)) {
    return trace.drop('NoRoute', `no route to ${target.privateIp}: the VPC route table has no instance with that address`, hostAt(node.hostIp), 'VPC route table');
  }
  trace.hop(nodeAt(target), 'flannel.1', `VNI 1`, 'decapsulate VXLAN', `the inner packet to ${dstIp} comes out of flannel.1`);
  return arrive(ctx, target, dstIp);
}

/** toPodRange carries a packet from a node to another node's pod range, by the cluster's network mode. */
export function toPodRange(ctx: TraceContext, node: NetworkNode, dstIp: string, arrive: Arrive): PacketTrace {
  return ctx.world.mode === 'Flannel' ? viaFlannel(ctx, node, dstIp, arrive) : viaGlobalRoutes(ctx, node, dstIp, arrive);
}
