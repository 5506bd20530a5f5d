import { lookupVpcRoute, vpcRouteTable, type VpcRoute } from '../../network/index.js';
import { hostAt } from './trace-places.js';
import type { TraceContext } from './trace-context.js';

const targetName = (route: VpcRoute): string => (route.target.kind === 'cvm' ? `VM ${route.destination}` : `CDB ${route.target.id} (${route.destination})`);

/** crossVpc is the VPC's virtual switch on the sending host: the VPC route table finds the instance's host, the packet is encapsulated with the VPC id and decapsulated there. */
export function crossVpc(ctx: TraceContext, fromHostIp: string, dstIp: string): VpcRoute | undefined {
  const { world, trace } = ctx;
  const route = lookupVpcRoute(vpcRouteTable(world), dstIp);
  if (!route) return undefined;
  trace.hop(hostAt(fromHostIp), 'VPC route table', dstIp, `${dstIp} → host ${route.hostIp}`, `${targetName(route)} runs on physical host ${route.hostIp}`);
  if (route.hostIp === fromHostIp) {
    trace.hop(hostAt(fromHostIp), 'virtual switch', dstIp, `deliver to ${targetName(route)}`, 'same physical host: no underlay encapsulation');
    return route;
  }
  trace.hop(hostAt(fromHostIp), 'underlay', route.hostIp, `encapsulate with ${world.vpc.id}, send to ${route.hostIp}`, 'the VPC id keeps tenants apart on the shared physical network');
  trace.encapsulate(`VPC ${world.vpc.id}: host ${fromHostIp} → host ${route.hostIp} (on the physical hosts, outside the guest)`);
  trace.hop(hostAt(route.hostIp), 'underlay', world.vpc.id, `decapsulate, deliver to ${targetName(route)}`, '');
  return route;
}
