import { cidrSize, formatIpv4, parseIpv4, type Cidr } from '../../iaas/ipv4.js';
import { GoValue, invalid } from '../../kube/validation/field-error.js';
import { rejectWith } from '../errors/network-input-error.js';
import { cidrOrReject } from './cidr-text.js';

const FIELD = 'spec.clusterIPs';
/** usable: the range's network and broadcast addresses are never handed out. */
const usable = (range: Cidr, address: number): boolean => address > range.network && address < range.network + cidrSize(range) - 1;
const asGoSlice = (ip: string): GoValue => new GoValue(`[]string{${JSON.stringify(ip)}}`);

/** allocateClusterIp checks a requested cluster IP, or takes the lowest free address of the service range (not the network or broadcast). */
export function allocateClusterIp(serviceCidr: string, inUse: Iterable<string>, requested?: string): string {
  const range = cidrOrReject(serviceCidr, 'serviceCidr');
  const used = new Set(inUse);
  if (requested !== undefined) {
    const address = parseIpv4(requested);
    if (address === undefined) rejectWith(invalid(FIELD, asGoSlice(requested), 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    if (!usable(range, address)) {
      rejectWith(invalid(FIELD, asGoSlice(requested), `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${serviceCidr}`));
    }
    if (used.has(requested)) rejectWith(invalid(FIELD, asGoSlice(requested), `failed to allocate IP ${requested}: provided IP is already allocated`));
    return requested;
  }
  for (let offset = 1; offset < cidrSize(range) - 1; offset++) {
    const ip = formatIpv4(range.network + offset);
    if (!used.has(ip)) return ip;
  }
  return rejectWith(invalid(FIELD, new GoValue('[]string(nil)'), 'failed to allocate a serviceIP: range is full'));
}
