import { cidrsOverlap, formatCidr, parseCidr, regions, type Cidr } from '../../../emulator/iaas/index.js';
import { checkDns1123Label, invalid, unsupported } from '../../../platform/kernel/index.js';
import type { ClusterSpec } from './cluster.types.js';
import { kubernetesVersions } from './kubernetes-versions.js';

/** NETWORK_MODES are the container network modes a cluster can be created with. */
const NETWORK_MODES = ['GlobalRouter', 'Flannel'];

/** MAX_ROUTE_QUOTA is the largest route table a VPC grants a cluster. */
const MAX_ROUTE_QUOTA = 5000;

/** cidrField parses one of a cluster's ranges and checks its size. */
function cidrField(field: string, text: string, minPrefix: number, maxPrefix: number, why: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw invalid(field, text, parsed.reason);
  if (parsed.cidr.prefix < minPrefix || parsed.cidr.prefix > maxPrefix) {
    throw invalid(field, text, `prefix length must be between /${minPrefix} and /${maxPrefix} (${why})`);
  }
  return parsed.cidr;
}

function disjoint(field: string, value: Cidr, otherField: string, other: Cidr): void {
  if (cidrsOverlap(value, other)) {
    throw invalid(field, formatCidr(value), `overlaps with ${otherField} ${formatCidr(other)}`);
  }
}

/** checkClusterSpec validates a new cluster's spec, naming the first field at fault. */
export function checkClusterSpec(spec: ClusterSpec): void {
  checkDns1123Label('name', spec.name);
  if (spec.description.length > 256) throw invalid('description', spec.description, 'must be no more than 256 characters');
  const zones = regions[spec.region];
  if (!zones) throw unsupported('region', spec.region, Object.keys(regions));
  if (!zones.includes(spec.zone)) throw unsupported('zone', spec.zone, zones);
  const vpc = cidrField('vpcCidr', spec.vpcCidr, 16, 28, 'VPCs hold /16 to /28');
  const pods = cidrField('podCidr', spec.podCidr, 8, 24, 'each node takes a /24 of it');
  const services = cidrField('serviceCidr', spec.serviceCidr, 12, 27, 'Kubernetes allows at most /12');
  disjoint('podCidr', pods, 'vpcCidr', vpc);
  disjoint('serviceCidr', services, 'vpcCidr', vpc);
  disjoint('serviceCidr', services, 'podCidr', pods);
  if (!kubernetesVersions.includes(spec.kubernetesVersion)) {
    throw unsupported('kubernetesVersion', spec.kubernetesVersion, kubernetesVersions);
  }
  if (spec.networkMode !== undefined && !NETWORK_MODES.includes(spec.networkMode)) throw unsupported('networkMode', spec.networkMode, NETWORK_MODES);
  const quota = spec.routeQuota;
  if (quota !== undefined && !(Number.isInteger(quota) && quota >= 1 && quota <= MAX_ROUTE_QUOTA)) {
    throw invalid('routeQuota', quota, `must be between 1 and ${MAX_ROUTE_QUOTA}, inclusive`);
  }
}
