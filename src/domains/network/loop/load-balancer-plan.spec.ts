import { emptyEgress } from '../model/egress.types.js';
import { putObject, type KubeObject } from '../../../emulator/kube/index.js';
import type { NetworkNode } from '../../../emulator/network/index.js';
import type { KubeCluster } from '../../cluster/index.js';
import type { LoadBalancerRecord, NetworkState } from '../model/network.types.js';
import { nextReadyAt, planLoadBalancers, type LoadBalancerChange } from './load-balancer-plan.js';

const now = '2017-06-01T00:00:05.000Z';
const nodes: NetworkNode[] = [0, 1].map((i) => ({ name: `172.0.0.${i + 2}`, privateIp: `172.0.0.${i + 2}`, hostIp: `10.172.1.${i + 1}`, podCidr: `10.0.${i}.0/24`, zone: 'ap-guangzhou-3' }));
const service = (type: string): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type, ports: [{ port: 80, nodePort: 30080 }] }, status: { loadBalancer: {} } });

function store(...objects: KubeObject[]): KubeCluster {
  const kube = { objects: {}, revision: 0 } as unknown as KubeCluster;
  for (const o of objects) putObject(kube, o);
  return kube;
}

function network(...records: LoadBalancerRecord[]): NetworkState {
  return { status: 'active', routes: [], loadBalancers: Object.fromEntries(records.map((r) => [r.id, r])), egress: emptyEgress(), simulations: 0 };
}

const summary = (changes: LoadBalancerChange[]) => changes.map((c) => [c.type, ...c.actions.map((a) => (a.type === 'event' ? a.note.reason : a.type))]);

function record(status: LoadBalancerRecord['status']): LoadBalancerRecord {
  const [change] = planLoadBalancers(network(), nodes, store(service('LoadBalancer')), now);
  const spec = change.type === 'provision' ? change.specFor({ id: 'lb-seed0001', vip: '118.89.10.10' }) : undefined;
  return { id: 'lb-seed0001', vip: '118.89.10.10', kind: 'Service', namespace: 'default', name: 'web', status, createdAt: '2017-06-01T00:00:00.000Z', readyAt: now, spec: spec! };
}

describe('service controller pass', () => {
  it('given a Service of type LoadBalancer without a CLB, then it asks for one and records EnsuringLoadBalancer', () => {
    expect(summary(planLoadBalancers(network(), nodes, store(service('LoadBalancer')), now))).toEqual([['provision', 'EnsuringLoadBalancer']]);
  });

  it('given a CLB whose provisioning time has come, then it is ensured: the VIP goes to status.loadBalancer', () => {
    const [ensure] = planLoadBalancers(network(record('Provisioning')), nodes, store(service('LoadBalancer')), now);
    expect(summary([ensure])).toEqual([['ensure', 'status', 'EnsuredLoadBalancer']]);
    expect(ensure.actions[0]).toMatchObject({ type: 'status', status: { loadBalancer: { ingress: [{ ip: '118.89.10.10' }] } } });
    expect(nextReadyAt(network(record('Provisioning')))).toBe(Date.parse(now));
  });

  it('given a node leaving, then the backends follow with UpdatedLoadBalancer', () => {
    expect(summary(planLoadBalancers(network(record('Active')), nodes.slice(0, 1), store(service('LoadBalancer')), now))).toEqual([['update', 'UpdatedLoadBalancer']]);
  });

  it('given the Service changed to ClusterIP or deleted, then the CLB is deleted (and status.loadBalancer cleared while the Service exists)', () => {
    expect(summary(planLoadBalancers(network(record('Active')), nodes, store(service('ClusterIP')), now))).toEqual([['delete', 'DeletingLoadBalancer', 'DeletedLoadBalancer', 'status']]);
    expect(summary(planLoadBalancers(network(record('Active')), nodes, store(), now))).toEqual([['delete', 'DeletingLoadBalancer', 'DeletedLoadBalancer']]);
  });

  it('given nothing changed, then nothing is asked', () => {
    expect(planLoadBalancers(network(record('Active')), nodes, store(service('LoadBalancer')), now)).toEqual([]);
  });
});
