import fc from 'fast-check';
import { isNetworkInputError } from '../errors/network-input-error.js';
import { rejectionMessage as reject } from '../errors/rejection-message.js';
import { allocateClusterIp } from './cluster-ip-allocator.js';

describe('allocateClusterIp', () => {
  it.each([
    ['an empty range', [], undefined, '172.16.0.1'],
    ['the kubernetes service at .1', ['172.16.0.1'], undefined, '172.16.0.2'],
    ['a requested free address', ['172.16.0.1'], '172.16.3.7', '172.16.3.7'],
  ])('given %s, then the service gets the expected cluster IP', (_name, used, requested, expected) => {
    expect(allocateClusterIp('172.16.0.0/16', used, requested)).toBe(expected);
  });

  it.each([
    ['outside the range', [], '10.0.0.5', 'spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 172.16.0.0/16'],
    ['the network address', [], '172.16.0.0', 'spec.clusterIPs: Invalid value: []string{"172.16.0.0"}: failed to allocate IP 172.16.0.0: the provided IP (172.16.0.0) is not in the valid range. The range of valid IPs is 172.16.0.0/16'],
    ['taken', ['172.16.0.9'], '172.16.0.9', 'spec.clusterIPs: Invalid value: []string{"172.16.0.9"}: failed to allocate IP 172.16.0.9: provided IP is already allocated'],
    ['not an IP', [], 'web', 'spec.clusterIPs: Invalid value: []string{"web"}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
  ])('rejects a requested IP %s, naming the field', (_name, used, requested, message) => {
    expect(reject(() => allocateClusterIp('172.16.0.0/16', used, requested))).toBe(message);
  });

  it('says the range is full', () => {
    expect(reject(() => allocateClusterIp('172.16.0.0/30', ['172.16.0.1', '172.16.0.2']))).toBe(
      'spec.clusterIPs: Invalid value: []string(nil): failed to allocate a serviceIP: range is full',
    );
  });

  it('never gives two services the same cluster IP (property)', () => {
    const steps = fc.array(fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 20 }).map((n) => `172.16.0.${n}`)), { maxLength: 40 });
    fc.assert(
      fc.property(steps, (requests) => {
        const used: string[] = [];
        for (const requested of requests) {
          try {
            used.push(allocateClusterIp('172.16.0.0/27', used, requested));
          } catch (error) {
            if (!isNetworkInputError(error)) throw error;
          }
        }
        expect(new Set(used).size).toBe(used.length);
      }),
    );
  });
});
