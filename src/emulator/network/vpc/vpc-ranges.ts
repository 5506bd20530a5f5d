import { cidrContainsIp, cidrsOverlap, formatCidr, parseCidr } from '../../iaas/ipv4.js';
import { invalid, type FieldError } from '../../kube/validation/field-error.js';
import type { NetworkWorld, PeeringConnection, VpcSubnet } from '../world/network-world.js';

type Named = { readonly field: string; readonly cidr: string };

function overlapErrors(field: string, cidr: string, others: readonly Named[]): FieldError[] {
  const parsed = parseCidr(cidr);
  if (!parsed.ok) return [invalid(field, cidr, parsed.reason)];
  return others.flatMap((other) => {
    const theirs = parseCidr(other.cidr);
    return theirs.ok && cidrsOverlap(parsed.cidr, theirs.cidr) ? [invalid(field, cidr, `overlaps with ${other.field} ${formatCidr(theirs.cidr)}`)] : [];
  });
}

/** checkSubnet refuses a subnet outside its VPC or overlapping another subnet, as the VPC API does. */
export function checkSubnet(world: Pick<NetworkWorld, 'vpc' | 'subnets'>, subnet: VpcSubnet, field = 'cidrBlock'): FieldError[] {
  const parsed = parseCidr(subnet.cidr);
  const vpc = parseCidr(world.vpc.cidr);
  if (!parsed.ok) return [invalid(field, subnet.cidr, parsed.reason)];
  if (vpc.ok && !(parsed.cidr.prefix >= vpc.cidr.prefix && cidrContainsIp(vpc.cidr, parsed.cidr.network))) {
    return [invalid(field, subnet.cidr, `must lie within ${world.vpc.id} (${world.vpc.cidr})`)];
  }
  return overlapErrors(field, subnet.cidr, world.subnets.filter((s) => s.id !== subnet.id).map((s) => ({ field: `subnet ${s.id}`, cidr: s.cidr })));
}

/** checkPeering refuses a peering whose remote range overlaps the VPC, the cluster's pod or service range, or another peering: routes would be ambiguous. */
export function checkPeering(world: Pick<NetworkWorld, 'vpc' | 'podCidr' | 'serviceCidr' | 'peerings'>, peering: PeeringConnection, field = 'peerCidr'): FieldError[] {
  const others: Named[] = [
    { field: 'vpcCidr', cidr: world.vpc.cidr },
    { field: 'podCidr', cidr: world.podCidr },
    { field: 'serviceCidr', cidr: world.serviceCidr },
    ...world.peerings.filter((p) => p.id !== peering.id).map((p) => ({ field: `peering ${p.id}`, cidr: p.peerCidr })),
  ];
  return overlapErrors(field, peering.peerCidr, others);
}
