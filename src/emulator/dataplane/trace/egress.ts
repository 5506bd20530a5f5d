import { inCidr, type NetworkNode } from '../../network/index.js';
import type { PacketTrace } from './packet-trace.js';
import { hostAt, nodeAt, vpcGatewayIp } from './trace-places.js';
import type { TraceContext } from './trace-context.js';

/** masquerade is ip-masq-agent's rule: pod traffic leaving the VPC and the pod range takes the node's address. */
export function masquerade(ctx: TraceContext, node: NetworkNode, srcIp: string, why: string): string {
  if (srcIp === node.privateIp) return srcIp;
  ctx.trace.hop(nodeAt(node), 'iptables nat POSTROUTING', srcIp, `MASQUERADE ${srcIp} → ${node.privateIp}`, why);
  return node.privateIp;
}

/** toPeer leaves the VPC through its gateway, over a peering connection to another VPC or to the basic network. */
export function toPeer(ctx: TraceContext, node: NetworkNode, srcIp: string, dstIp: string): PacketTrace | undefined {
  const { world, trace } = ctx;
  const peering = world.peerings.find((p) => inCidr(p.peerCidr, dstIp));
  if (!peering) return undefined;
  trace.hop(nodeAt(node), 'kernel routes', dstIp, `default via ${vpcGatewayIp(world, node)} dev eth0`, `${dstIp} is outside the VPC: the node hands it to the VPC`);
  masquerade(ctx, node, srcIp, `${peering.peerCidr} does not know the pod range, so replies must come back to the node`);
  const peer = peering.kind === 'basic-network' ? 'the basic network' : `VPC ${peering.peerVpcId}`;
  trace.hop(hostAt(node.hostIp), 'VPC route table', dstIp, `${peering.peerCidr} → VPC gateway, peering ${peering.id}`, `peered with ${peer}`);
  trace.hop('VPC gateway', 'peering connections', peering.id, `forward to ${peer}`, `${dstIp} is in ${peering.peerCidr}`);
  return trace.deliver();
}

/** toInternet leaves through the node's public IP, else the VPC's NAT gateway, with source NAT; with neither there is no way out. */
export function toInternet(ctx: TraceContext, node: NetworkNode, srcIp: string, dst: string): PacketTrace {
  const { world, trace } = ctx;
  trace.hop(nodeAt(node), 'kernel routes', dst, `default via ${vpcGatewayIp(world, node)} dev eth0`, `${dst} is outside the VPC and the pod range`);
  const nat = world.natGateways[0];
  if (!node.publicIp && !nat) {
    const why = `no gateway: node ${node.name} has no public IP and ${world.vpc.id} has no NAT gateway`;
    return trace.drop('NoGateway', why, hostAt(node.hostIp), 'VPC route table');
  }
  const source = masquerade(ctx, node, srcIp, 'the internet cannot route back to a pod address');
  if (node.publicIp) {
    trace.hop(hostAt(node.hostIp), 'VPC route table', dst, '0.0.0.0/0 → public gateway', `node ${node.name} has a public IP`);
    trace.hop('public gateway', 'elastic IP mapping', source, `SNAT ${source} → ${node.publicIp}`, 'the node\'s public IP');
  } else {
    trace.hop(hostAt(node.hostIp), 'VPC route table', dst, `0.0.0.0/0 → NAT gateway ${nat.id}`, `node ${node.name} has no public IP`);
    trace.hop(`NAT gateway ${nat.id}`, 'SNAT table', source, `SNAT ${source} → ${nat.publicIp}`, 'shared by the VPC\'s nodes without a public IP');
  }
  trace.hop('internet', 'public routing', dst, `deliver to ${dst}`, '');
  return trace.deliver();
}
