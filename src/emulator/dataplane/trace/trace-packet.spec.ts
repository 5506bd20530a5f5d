import { seedNetworkWorld, type NetworkWorld } from '../../network/index.js';
import type { PacketTrace } from './packet-trace.js';
import { tracePacket } from './trace-packet.js';

const compact = (trace: PacketTrace): string[] => trace.hops.map((h) => `${h.at} | ${h.table} | ${h.lookup} | ${h.decision}`);
const first = (): number => 0;

describe('tracePacket on the seed network (SEED-NOTES §5)', () => {
  it('given GlobalRouter, when pod 10.0.0.2 sends to pod 10.0.1.3, then the VPC carries it hop by hop with no guest encapsulation', () => {
    const trace = tracePacket(seedNetworkWorld(), { from: 'default/web-a', to: '10.0.1.3' }, first);
    expect(compact(trace)).toEqual([
      'pod default/web-a (10.0.0.2) | pod routes | 10.0.1.3 | default via 10.0.0.1 dev eth0',
      'node 172.0.0.2 (CVM 172.0.0.2) | kernel routes | 10.0.1.3 | default via 172.0.0.1 dev eth0',
      'host 10.172.1.1 | global route table | 10.0.1.3 | 10.0.1.0/24 → 172.0.0.3',
      'host 10.172.1.1 | VPC route table | 172.0.0.3 | 172.0.0.3 → host 10.172.1.2',
      'host 10.172.1.1 | underlay | 10.172.1.2 | encapsulate with vpc-seed0001, send to 10.172.1.2',
      'host 10.172.1.2 | underlay | vpc-seed0001 | decapsulate, deliver to VM 172.0.0.3',
      'node 172.0.0.3 (CVM 172.0.0.3) | kernel routes | 10.0.1.3 | 10.0.1.0/24 dev cbr0',
      'pod default/web-b (10.0.1.3) | pod eth0 | 10.0.1.3 | delivered',
    ]);
    expect(trace).toMatchObject({ delivered: true, overheadBytes: 0 });
    expect(trace.encapsulations).toEqual(['VPC vpc-seed0001: host 10.172.1.1 → host 10.172.1.2 (on the physical hosts, outside the guest)']);
  });

  it('given Flannel, when the same packet goes, then the guest adds a 50-byte VXLAN header on top of the VPC underlay', () => {
    const trace = tracePacket(seedNetworkWorld('Flannel'), { from: '10.0.0.2', to: 'default/web-b' }, first);
    expect(trace.delivered).toBe(true);
    expect(trace.overheadBytes).toBe(50);
    expect(trace.encapsulations).toHaveLength(2);
    expect(trace.encapsulations[0]).toMatch(/^VXLAN flannel\.1 \(VNI 1, UDP 8472\): 172\.0\.0\.2 → 172\.0\.0\.3, \+50 bytes/);
    expect(trace.hops.map((h) => h.table)).not.toContain('global route table');
    expect(compact(trace)).toContain('node 172.0.0.3 (CVM 172.0.0.3) | flannel.1 | VNI 1 | decapsulate VXLAN');
  });

  it('given two pods on one node, then the packet stays on the bridge', () => {
    const world: NetworkWorld = { ...seedNetworkWorld(), pods: [...seedNetworkWorld().pods, { namespace: 'default', name: 'web-c', ip: '10.0.0.3', nodeName: '172.0.0.2' }] };
    const trace = tracePacket(world, { from: 'default/web-a', to: 'default/web-c' }, first);
    expect(compact(trace)).toEqual([
      'pod default/web-a (10.0.0.2) | pod routes | 10.0.0.3 | default via 10.0.0.1 dev eth0',
      'node 172.0.0.2 (CVM 172.0.0.2) | kernel routes | 10.0.0.3 | 10.0.0.0/24 dev cbr0',
      'pod default/web-c (10.0.0.3) | pod eth0 | 10.0.0.3 | delivered',
    ]);
    expect(trace.encapsulations).toEqual([]);
  });

  it.each(['web.default.svc.cluster.local', 'web.default', 'web', '172.16.0.10'])('given service traffic to %s, then kube-proxy DNATs to the endpoint', (to) => {
    const trace = tracePacket(seedNetworkWorld(), { from: 'default/web-a', to, port: 80 }, first);
    expect(trace.delivered).toBe(true);
    expect(compact(trace)).toContain('node 172.0.0.2 (CVM 172.0.0.2) | iptables nat KUBE-SERVICES | 172.16.0.10:80/TCP | DNAT to 10.0.1.3:8080');
    expect(compact(trace).at(-1)).toBe('pod default/web-b (10.0.1.3) | pod eth0 | 10.0.1.3:8080 | delivered');
  });

  it('chooses among endpoints with the caller’s random draw', () => {
    const base = seedNetworkWorld();
    const world: NetworkWorld = {
      ...base,
      endpoints: [{ ...base.endpoints[0], subsets: [{ ...base.endpoints[0].subsets![0], addresses: [{ ip: '10.0.0.2', nodeName: '172.0.0.2', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-a' } }, ...base.endpoints[0].subsets![0].addresses!] }] }],
    };
    const to = (draw: number): string | undefined => compact(tracePacket(world, { from: '172.0.0.2', to: 'web' }, () => draw)).at(-1);
    expect(to(0.1)).toMatch(/^pod default\/web-a/);
    expect(to(0.9)).toMatch(/^pod default\/web-b/);
  });
});
