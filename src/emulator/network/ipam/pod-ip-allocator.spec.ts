import fc from 'fast-check';
import { rejectionMessage as reject } from '../errors/rejection-message.js';
import { allocatePodIp, podIpRange } from './pod-ip-allocator.js';

describe('allocatePodIp', () => {
  it.each([
    ['the seed node 1 first pod', '10.0.0.0/24', [], '10.0.0.2'],
    ['the seed node 2 second pod', '10.0.1.0/24', ['10.0.1.2'], '10.0.1.3'],
    ['a freed hole is reused first', '10.0.1.0/24', ['10.0.1.3', '10.0.1.4'], '10.0.1.2'],
    ['the last usable address', '10.0.2.0/30', [], '10.0.2.2'],
  ])('given %s, when a pod starts, then it gets the lowest free address', (_name, cidr, used, expected) => {
    expect(allocatePodIp(cidr, used)).toBe(expected);
  });

  it('keeps .1 for the bridge and the last address for broadcast', () => {
    expect(podIpRange('10.0.0.0/24')).toEqual({ first: '10.0.0.2', last: '10.0.0.254', gateway: '10.0.0.1' });
  });

  it('says the range is full the way host-local IPAM does', () => {
    const used = Array.from({ length: 253 }, (_, i) => `10.0.0.${i + 2}`);
    expect(reject(() => allocatePodIp('10.0.0.0/24', used))).toBe(
      'status.podIP: Invalid value: "10.0.0.0/24": failed to allocate for range 0: no IP addresses available in range set: 10.0.0.2-10.0.0.254',
    );
  });

  it('names the field of a bad pod CIDR', () => {
    expect(reject(() => allocatePodIp('10.0.0.1/24', []))).toMatch(/^spec\.podCIDR: Invalid value: "10.0.0.1\/24": must be a network address/);
  });

  it('never hands out an address in use, and stays in the node range (property)', () => {
    const ops = fc.array(fc.oneof(fc.constant<'start'>('start'), fc.nat(300)), { maxLength: 400 });
    fc.assert(
      fc.property(ops, (steps) => {
        const inUse: string[] = [];
        for (const step of steps) {
          if (step === 'start') {
            if (inUse.length === 253) continue;
            const ip = allocatePodIp('10.0.1.0/24', inUse);
            expect(inUse).not.toContain(ip);
            expect(ip).toMatch(/^10\.0\.1\.(\d+)$/);
            const last = Number(ip.split('.')[3]);
            expect(last >= 2 && last <= 254).toBe(true);
            inUse.push(ip);
          } else if (inUse.length > 0) {
            inUse.splice(step % inUse.length, 1);
          }
        }
      }),
    );
  });
});
