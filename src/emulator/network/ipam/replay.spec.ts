import fc from 'fast-check';
import { isNetworkInputError } from '../errors/network-input-error.js';
import { allocateClusterIp } from './cluster-ip-allocator.js';
import { allocateServiceNodePorts } from './node-port-allocator.js';
import { allocatePodIp } from './pod-ip-allocator.js';

type Op = { kind: 'start'; node: number } | { kind: 'stop'; pick: number } | { kind: 'service'; ports: number } | { kind: 'delete'; pick: number } | { kind: 'restart' };

interface Cluster {
  pods: Array<{ node: number; ip: string }>;
  services: Array<{ clusterIp: string; nodePorts: number[] }>;
}

const NODES = ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/28'];

/** step applies one operation; the allocators see only what the cluster holds, as after a replay of its events. */
function step(cluster: Cluster, op: Op): Cluster {
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (isNetworkInputError(error)) return undefined;
      throw error;
    }
  };
  switch (op.kind) {
    case 'start': {
      const ip = attempt(() => allocatePodIp(NODES[op.node], cluster.pods.filter((p) => p.node === op.node).map((p) => p.ip)));
      return ip ? { ...cluster, pods: [...cluster.pods, { node: op.node, ip }] } : cluster;
    }
    case 'stop':
      return { ...cluster, pods: cluster.pods.filter((_, i) => i !== op.pick % Math.max(1, cluster.pods.length)) };
    case 'service': {
      const clusterIp = attempt(() => allocateClusterIp('172.16.0.0/28', cluster.services.map((s) => s.clusterIp)));
      const nodePorts = attempt(() => allocateServiceNodePorts(Array.from({ length: op.ports }, () => ({})), cluster.services.flatMap((s) => s.nodePorts), { first: 30000, last: 30020 }));
      return clusterIp && nodePorts ? { ...cluster, services: [...cluster.services, { clusterIp, nodePorts }] } : cluster;
    }
    case 'delete':
      return { ...cluster, services: cluster.services.filter((_, i) => i !== op.pick % Math.max(1, cluster.services.length)) };
    case 'restart':
      // A restart rebuilds state from the log: a deep copy that shares nothing with the running process.
      return JSON.parse(JSON.stringify(cluster)) as Cluster;
  }
}

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('start' as const), node: fc.nat(2) }),
  fc.record({ kind: fc.constant('stop' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('service' as const), ports: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(50) }),
  fc.constant({ kind: 'restart' as const }),
);

describe('allocations across restarts and replays (property)', () => {
  it('never duplicate a pod IP, cluster IP or node port, and a replay gives the same addresses', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        let cluster: Cluster = { pods: [], services: [] };
        for (const o of ops) {
          cluster = step(cluster, o);
          const ips = cluster.pods.map((p) => p.ip);
          const clusterIps = cluster.services.map((s) => s.clusterIp);
          const ports = cluster.services.flatMap((s) => s.nodePorts);
          expect(new Set(ips).size).toBe(ips.length);
          expect(new Set(clusterIps).size).toBe(clusterIps.length);
          expect(new Set(ports).size).toBe(ports.length);
        }
        expect(ops.reduce(step, { pods: [], services: [] })).toEqual(cluster);
      }),
    );
  });
});
