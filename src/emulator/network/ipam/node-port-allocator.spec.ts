import fc from 'fast-check';
import { isNetworkInputError } from '../errors/network-input-error.js';
import { rejectionMessage as reject } from '../errors/rejection-message.js';
import { allocateNodePort, allocateServiceNodePorts, NODE_PORT_RANGE } from './node-port-allocator.js';

describe('node ports', () => {
  it.each([
    ['no ports in use', [], [{}, {}], [30000, 30001]],
    ['30000 taken', [30000], [{}], [30001]],
    ['a requested port is kept and skipped by the others', [], [{}, { nodePort: 30000 }], [30001, 30000]],
    ['the top of the range', [], [{ nodePort: 32767 }], [32767]],
  ])('given %s, when a service asks, then it gets the expected ports', (_name, used, ports, expected) => {
    expect(allocateServiceNodePorts(ports, used)).toEqual(expected);
  });

  it.each([
    ['out of range', [], [{ nodePort: 80 }], 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    ['taken', [30080], [{}, { nodePort: 30080 }], 'spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated'],
    ['repeated in one service', [], [{ nodePort: 30080 }, { nodePort: 30080 }], 'spec.ports[1].nodePort: Duplicate value: 30080'],
  ])('rejects a node port that is %s, naming the field', (_name, used, ports, message) => {
    expect(reject(() => allocateServiceNodePorts(ports, used))).toBe(message);
  });

  it('says the range is full', () => {
    const used = new Set([30000, 30001]);
    expect(reject(() => allocateNodePort(used, undefined, 'spec.ports[0].nodePort', { first: 30000, last: 30001 }))).toBe(
      'spec.ports[0].nodePort: Invalid value: 0: failed to allocate a nodePort: range is full',
    );
  });

  it('never gives two services the same node port (property)', () => {
    const services = fc.array(fc.array(fc.option(fc.integer({ min: 30000, max: 30040 }), { nil: undefined }), { minLength: 1, maxLength: 4 }), { maxLength: 30 });
    fc.assert(
      fc.property(services, (requests) => {
        const used: number[] = [];
        for (const request of requests) {
          try {
            const ports = allocateServiceNodePorts(request.map((nodePort) => ({ nodePort })), used);
            ports.forEach((port) => expect(port >= NODE_PORT_RANGE.first && port <= NODE_PORT_RANGE.last).toBe(true));
            used.push(...ports);
          } catch (error) {
            if (!isNetworkInputError(error)) throw error;
          }
        }
        expect(new Set(used).size).toBe(used.length);
      }),
    );
  });
});
