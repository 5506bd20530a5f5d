import { seedNetworkWorld } from '../../network/index.js';
import { formatTrace } from './format-trace.js';
import { tracePacket } from './trace-packet.js';

describe('formatTrace', () => {
  it('renders the seed’s Flannel trace with its encapsulations and overhead', () => {
    const lines = formatTrace(tracePacket(seedNetworkWorld('Flannel'), { from: 'default/web-a', to: 'default/web-b' }, () => 0));
    expect(lines[0]).toBe("1. [pod default/web-a (10.0.0.2)] pod routes: 10.0.1.3 → default via 10.0.0.1 dev eth0 (out through the pod's veth pair onto the node bridge cni0)");
    expect(lines.filter((l) => l.startsWith('encapsulation: '))).toHaveLength(2);
    expect(lines.at(-1)).toBe('delivered, 50 bytes of in-guest overhead');
  });

  it('ends a dropped trace with the reason', () => {
    const lines = formatTrace(tracePacket(seedNetworkWorld(), { from: 'default/web-a', to: 'www.qq.com' }, () => 0));
    expect(lines.at(-1)).toBe('dropped: no gateway: node 172.0.0.2 has no public IP and vpc-seed0001 has no NAT gateway');
  });
});
