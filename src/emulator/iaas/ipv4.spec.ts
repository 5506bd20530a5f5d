import { cidrsOverlap, formatCidr, formatIpv4, parseCidr, parseIpv4, subnet, subnetCount, type Cidr } from './ipv4.js';

const cidr = (text: string): Cidr => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.cidr;
};

describe('ipv4', () => {
  it.each(['172.0.0.2', '10.172.1.1', '255.255.255.255', '0.0.0.0'])('round-trips %s', (ip) => {
    expect(formatIpv4(parseIpv4(ip)!)).toBe(ip);
  });

  it.each(['256.0.0.1', '10.0.0', '01.2.3.4', 'a.b.c.d', '1.2.3.4.5'])('rejects the address %s', (ip) => {
    expect(parseIpv4(ip)).toBeUndefined();
  });

  it.each([
    ['10.0.0.0/33', 'must be a valid CIDR (e.g. 172.16.0.0/16)'],
    ['10.0.0.0', 'must be a valid CIDR (e.g. 172.16.0.0/16)'],
    ['10.0.0.1/14', 'must be a network address: did you mean 10.0.0.0/14?'],
  ])('rejects the CIDR %s: %s', (text, reason) => {
    expect(parseCidr(text)).toEqual({ ok: false, reason });
  });

  it.each([
    ['172.0.0.0/24', '172.0.0.0/25', true],
    ['10.0.0.0/14', '10.3.255.0/24', true],
    ['10.0.0.0/14', '10.4.0.0/24', false],
    ['172.0.0.0/24', '172.16.0.0/16', false],
  ])('overlap of %s and %s is %s', (a, b, expected) => {
    expect(cidrsOverlap(cidr(a), cidr(b))).toBe(expected);
    expect(cidrsOverlap(cidr(b), cidr(a))).toBe(expected);
  });

  it('splits the seed pod range into 1024 node subnets, the second being 10.0.1.0/24', () => {
    expect(subnetCount(cidr('10.0.0.0/14'), 24)).toBe(1024);
    expect(formatCidr(subnet(cidr('10.0.0.0/14'), 24, 1))).toBe('10.0.1.0/24');
    expect(subnetCount(cidr('10.0.0.0/25'), 24)).toBe(0);
  });
});
