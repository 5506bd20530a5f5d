import { SeededRandom } from '../../clock/seeded-random.js';
import type { Endpoints, Service } from '../../kube/service.js';
import { desiredClb, seedNetworkWorld, type NetworkWorld } from '../../network/index.js';
import { rejectionMessage } from '../../network/errors/rejection-message.js';
import { simulateTraffic } from './simulate-traffic.js';

const seed = seedNetworkWorld();
const nodes = [...seed.nodes, { name: '172.0.0.4', privateIp: '172.0.0.4', hostIp: '10.172.1.3', podCidr: '10.0.2.0/24', zone: 'ap-guangzhou-3' }];
const pods = [
  { namespace: 'default', name: 'web-1', ip: '10.0.0.2', nodeName: '172.0.0.2' },
  { namespace: 'default', name: 'web-2', ip: '10.0.0.3', nodeName: '172.0.0.2' },
  { namespace: 'default', name: 'web-3', ip: '10.0.1.2', nodeName: '172.0.0.3' },
];

function world(policy: 'Cluster' | 'Local'): NetworkWorld {
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { type: 'LoadBalancer', externalTrafficPolicy: policy, selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] },
  };
  const endpoints: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'web', namespace: 'default' },
    subsets: [{ addresses: pods.map((p) => ({ ip: p.ip, nodeName: p.nodeName, targetRef: { kind: 'Pod', namespace: p.namespace, name: p.name } })), ports: [{ name: 'http', port: 8080 }] }],
  };
  return { ...seed, nodes, pods, services: [service], endpoints: [endpoints] };
}

const run = (policy: 'Cluster' | 'Local', requests = 10_000) => {
  const w = world(policy);
  const clb = desiredClb(w.services[0], w.nodes, { id: 'lb-seed0001', vip: '118.89.10.10' });
  const random = new SeededRandom(42);
  return simulateTraffic(clb, w, { requests }, () => random.next());
};

describe('simulateTraffic through a CLB', () => {
  it('given 3 nodes and externalTrafficPolicy Cluster, when 10,000 requests arrive, then every node gets within 5% of a third', () => {
    const result = run('Cluster');
    expect(Object.keys(result.perNode).sort()).toEqual(['172.0.0.2', '172.0.0.3', '172.0.0.4']);
    for (const count of Object.values(result.perNode)) expect(Math.abs(count - 10_000 / 3) / (10_000 / 3)).toBeLessThan(0.05);
    for (const count of Object.values(result.perPod)) expect(Math.abs(count - 10_000 / 3) / (10_000 / 3)).toBeLessThan(0.05);
    expect(result.delivered).toBe(10_000);
    expect(result.forwardedAcrossNodes).toBeGreaterThan(5_000);
  });

  it('given externalTrafficPolicy Local, then only nodes with a local endpoint get traffic, and they keep it local', () => {
    const result = run('Local');
    expect(result.perNode).toEqual({ '172.0.0.2': 5_000, '172.0.0.3': 5_000 });
    expect(result.backends.find((b) => b.nodeName === '172.0.0.4')).toEqual({
      nodeName: '172.0.0.4',
      healthy: false,
      reason: 'healthCheckNodePort answers 503: no local endpoints (externalTrafficPolicy: Local)',
    });
    expect(result.perPod['default/web-3']).toBe(5_000);
    expect(result.perPod['default/web-1'] + result.perPod['default/web-2']).toBe(5_000);
    expect(result.forwardedAcrossNodes).toBe(0);
  });

  it('is the same for the same seed', () => {
    expect(run('Cluster', 100)).toEqual(run('Cluster', 100));
  });

  it('given no endpoints, then requests reach nodes and are dropped there, counted by reason', () => {
    const w = { ...world('Cluster'), endpoints: [] };
    const clb = desiredClb(w.services[0], w.nodes, { id: 'lb-seed0001', vip: '118.89.10.10' });
    const result = simulateTraffic(clb, w, { requests: 9 }, () => 0);
    expect(result.delivered).toBe(0);
    expect(result.dropped).toEqual({ 'service default/web has no endpoints': 9 });
  });

  it('given every node NotReady, then the CLB has no healthy backend and says so', () => {
    const w = world('Cluster');
    const clb = desiredClb(w.services[0], w.nodes, { id: 'lb-seed0001', vip: '118.89.10.10' });
    const result = simulateTraffic(clb, { ...w, nodes: w.nodes.map((n) => ({ ...n, ready: false })) }, { requests: 4 }, () => 0);
    expect(result.dropped).toEqual({ 'no healthy backend behind lb-seed0001': 4 });
    expect(new Set(result.backends.map((b) => b.reason))).toEqual(new Set(['node is NotReady: health checks time out']));
  });

  it.each([
    [{ requests: 0 }, 'requests: Invalid value: 0: must be between 1 and 1000000, inclusive'],
    [{ requests: 5, port: 443 }, 'port: Not found: 443'],
  ])('rejects %j with the field path', (input, message) => {
    const w = world('Cluster');
    const clb = desiredClb(w.services[0], w.nodes, { id: 'lb-seed0001', vip: '118.89.10.10' });
    expect(rejectionMessage(() => simulateTraffic(clb, w, input, () => 0))).toBe(message);
  });
});
