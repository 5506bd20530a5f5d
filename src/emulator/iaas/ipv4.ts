/** Cidr is an IPv4 network: its first address as an unsigned 32-bit number and its prefix length. */
export interface Cidr {
  readonly network: number;
  readonly prefix: number;
}

/** CidrParse is a parsed CIDR, or the reason the text is not one. */
export type CidrParse = { ok: true; cidr: Cidr } | { ok: false; reason: string };

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** parseIpv4 reads dotted-quad text, or returns undefined. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** parseCidr reads `a.b.c.d/n`; host bits must be zero, as Kubernetes requires of its ranges. */
export function parseCidr(text: string): CidrParse {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(text.trim());
  const address = match ? parseIpv4(match[1]) : undefined;
  const prefix = match ? Number(match[2]) : NaN;
  if (address === undefined || !(prefix >= 0 && prefix <= 32)) {
    return { ok: false, reason: 'must be a valid CIDR (e.g. 172.16.0.0/16)' };
  }
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) {
    return { ok: false, reason: `must be a network address: did you mean ${formatIpv4(address - (address % size))}/${prefix}?` };
  }
  return { ok: true, cidr: { network: address, prefix } };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIpv4(cidr.network)}/${cidr.prefix}`;
}

export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.network < b.network + cidrSize(b) && b.network < a.network + cidrSize(a);
}

export function cidrContainsIp(cidr: Cidr, address: number): boolean {
  return address >= cidr.network && address < cidr.network + cidrSize(cidr);
}

/** subnetCount is how many /prefix subnets fit in the range (0 when the range is smaller). */
export function subnetCount(cidr: Cidr, prefix: number): number {
  return prefix < cidr.prefix ? 0 : 2 ** (prefix - cidr.prefix);
}

/** subnet returns the index-th /prefix subnet of the range. */
export function subnet(cidr: Cidr, prefix: number, index: number): Cidr {
  return { network: cidr.network + index * 2 ** (32 - prefix), prefix };
}
