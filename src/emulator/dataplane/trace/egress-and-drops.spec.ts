import { rejectionMessage } from '../../network/errors/rejection-message.js';
import { seedNetworkWorld, type NetworkWorld } from '../../network/index.js';
import type { PacketTrace } from './packet-trace.js';
import { tracePacket } from './trace-packet.js';

const compact = (trace: PacketTrace): string[] => trace.hops.map((h) => `${h.at} | ${h.table} | ${h.lookup} | ${h.decision}`);
const seed = seedNetworkWorld();
const withNode1 = (extra: Partial<NetworkWorld['nodes'][number]>): NetworkWorld['nodes'] => [{ ...seed.nodes[0], ...extra }, seed.nodes[1]];
const trace = (world: NetworkWorld, to: string, from = 'default/web-a', port?: number): PacketTrace => tracePacket(world, { from, to, port }, () => 0);

describe('egress from a pod', () => {
  it('given a node public IP, then the pod is masqueraded to the node and SNATed to its public IP', () => {
    const result = trace({ ...seed, nodes: withNode1({ publicIp: '118.89.1.2' }) }, 'www.qq.com');
    expect(result.delivered).toBe(true);
    expect(compact(result)).toEqual(
      expect.arrayContaining([
        'pod default/web-a (10.0.0.2) | cluster DNS | www.qq.com | forwarded upstream',
        'node 172.0.0.2 (CVM 172.0.0.2) | iptables nat POSTROUTING | 10.0.0.2 | MASQUERADE 10.0.0.2 → 172.0.0.2',
        'public gateway | elastic IP mapping | 172.0.0.2 | SNAT 172.0.0.2 → 118.89.1.2',
      ]),
    );
  });

  it('given no public IP but a NAT gateway, then the NAT gateway SNATs', () => {
    const result = trace({ ...seed, natGateways: [{ id: 'nat-seed0001', publicIp: '118.89.9.9' }] }, '203.0.113.7');
    expect(result.delivered).toBe(true);
    expect(compact(result)).toContain('NAT gateway nat-seed0001 | SNAT table | 172.0.0.2 | SNAT 172.0.0.2 → 118.89.9.9');
  });

  it('given neither, then the packet is dropped for want of a gateway', () => {
    const result = trace(seed, 'www.qq.com');
    expect(result).toMatchObject({ delivered: false, dropCode: 'NoGateway', dropReason: 'no gateway: node 172.0.0.2 has no public IP and vpc-seed0001 has no NAT gateway' });
  });

  it('given a peering, then the VPC gateway forwards to the peer VPC, masqueraded', () => {
    const result = trace({ ...seed, peerings: [{ id: 'pcx-seed0001', peerVpcId: 'vpc-peer0001', peerCidr: '192.168.0.0/16' }] }, '192.168.3.4');
    expect(result.delivered).toBe(true);
    expect(compact(result)).toContain('VPC gateway | peering connections | pcx-seed0001 | forward to VPC vpc-peer0001');
  });

  it.each([
    ['GlobalRouter', false],
    ['Flannel', true],
  ] as const)('given %s, when a pod reaches a CDB instance in the VPC, then it is delivered (masqueraded: %s)', (mode, masqueraded) => {
    const world = { ...seedNetworkWorld(mode), cdbInstances: [{ id: 'cdb-seed0001', vip: '172.0.0.10', port: 3306, hostIp: '10.172.1.9' }] };
    const result = trace(world, 'cdb-seed0001', 'default/web-a', 3306);
    expect(result.delivered).toBe(true);
    expect(compact(result).at(-1)).toBe('CDB cdb-seed0001 (172.0.0.10) | database listener | 172.0.0.10:3306 | delivered');
    expect(result.hops.some((h) => h.decision.startsWith('MASQUERADE'))).toBe(masqueraded);
  });
});

describe('drops say why', () => {
  const noEndpoints: NetworkWorld = { ...seed, endpoints: [{ ...seed.endpoints[0], subsets: [] }] };
  const missingRoute: NetworkWorld = { ...seed, globalRoutes: seed.globalRoutes.slice(0, 1) };

  it.each([
    ['a pod range without a global route', missingRoute, '10.0.1.3', 'default/web-a', 'NoRoute', "no route to 10.0.1.3: the cluster's global route table has no entry for it"],
    ['a service without endpoints', noEndpoints, 'web', 'default/web-a', 'NoEndpoints', 'service default/web has no endpoints'],
    ['an unknown source pod', seed, '10.0.1.3', 'default/ghost', 'UnknownPod', 'pod default/ghost not found'],
    ['an unknown destination pod', seed, 'default/ghost', 'default/web-a', 'UnknownPod', 'pod default/ghost not found'],
    ['a pod IP nobody holds', seed, '10.0.1.77', 'default/web-a', 'UnknownPod', 'no pod has IP 10.0.1.77 on node 172.0.0.3: the bridge cbr0 has no such neighbour'],
    ['an unknown service name', seed, 'db.default.svc.cluster.local', 'default/web-a', 'UnknownService', 'cluster DNS has no record for db.default.svc.cluster.local (NXDOMAIN): no such service'],
    ['a cluster IP nobody holds', seed, '172.16.0.99', 'default/web-a', 'NoRoute', 'no service holds cluster IP 172.16.0.99: kube-proxy has no rule for it'],
    ['a VPC address with no instance', seed, '172.0.0.99', 'default/web-a', 'NoRoute', 'no route to 172.0.0.99: no instance holds that address in vpc-seed0001'],
  ])('given %s, then it is dropped', (_name, world, to, from, code, reason) => {
    expect(trace(world, to, from)).toMatchObject({ delivered: false, dropCode: code, dropReason: reason });
  });

  it('a service port the service does not have is dropped', () => {
    expect(trace(seed, 'web', 'default/web-a', 81)).toMatchObject({ dropCode: 'NoServicePort' });
  });

  it('rejects bad input with field paths, before tracing anything', () => {
    expect(rejectionMessage(() => tracePacket(seed, { from: '', to: 'web', port: 70000 }, () => 0))).toBe(
      'from: Required value, port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
  });
});

describe('node ports', () => {
  const lb: NetworkWorld = {
    ...seed,
    services: [{ ...seed.services[0], spec: { ...seed.services[0].spec, type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] } }],
  };

  it('given a node port on a node without the endpoint, then kube-proxy DNATs and masquerades (Cluster)', () => {
    const result = trace(lb, '172.0.0.2', '172.0.0.3', 30080);
    expect(result.delivered).toBe(true);
    expect(compact(result)).toContain('node 172.0.0.2 (CVM 172.0.0.2) | iptables nat KUBE-NODEPORTS | 172.0.0.2:30080/TCP | DNAT to 10.0.1.3:8080');
  });

  it('given externalTrafficPolicy Local and no local endpoint, then the node drops it', () => {
    const local = { ...lb, services: [{ ...lb.services[0], spec: { ...lb.services[0].spec, externalTrafficPolicy: 'Local' as const } }] };
    expect(trace(local, '172.0.0.2', '172.0.0.3', 30080)).toMatchObject({
      dropCode: 'NoEndpoints',
      dropReason: 'service default/web has no local endpoints on node 172.0.0.2 (externalTrafficPolicy: Local)',
    });
  });
});
