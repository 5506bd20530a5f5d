import { parseCidr, type Cidr } from '../../iaas/ipv4.js';
import { invalid } from '../../kube/validation/field-error.js';
import { rejectWith } from '../errors/network-input-error.js';

/** cidrOrReject parses a CIDR, or throws a NetworkInputError naming the field that held it. */
export function cidrOrReject(text: string, field: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) rejectWith(invalid(field, text, parsed.reason));
  return parsed.cidr;
}
