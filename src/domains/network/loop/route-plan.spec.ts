import { emptyEgress } from '../model/egress.types.js';
import { putObject, type Node } from '../../../emulator/kube/index.js';
import type { NetworkNode } from '../../../emulator/network/index.js';
import type { KubeCluster } from '../../cluster/index.js';
import type { NetworkState } from '../model/network.types.js';
import { planRoutes } from './route-plan.js';

const now = '2017-06-01T00:00:00.000Z';
const node = (i: number): NetworkNode => ({ name: `172.0.0.${i + 2}`, privateIp: `172.0.0.${i + 2}`, hostIp: `10.172.1.${i + 1}`, podCidr: `10.0.${i}.0/24`, zone: 'ap-guangzhou-3' });
const network = (mode: 'GlobalRouter' | 'Flannel', routeQuota: number): NetworkState => ({
  status: 'active',
  settings: { clusterId: 'cls-1', accountId: 'a', mode, routeQuota, vpcId: 'vpc-1', vpcCidr: '172.0.0.0/24', podCidr: '10.0.0.0/14', serviceCidr: '172.16.0.0/16' },
  routes: [],
  loadBalancers: {},
  egress: emptyEgress(),
  simulations: 0,
});

function store(nodes: NetworkNode[]): KubeCluster {
  const kube = { objects: {}, revision: 0 } as unknown as KubeCluster;
  for (const n of nodes) putObject(kube, { apiVersion: 'v1', kind: 'Node', metadata: { name: n.name }, spec: { podCIDR: n.podCidr }, status: { conditions: [{ type: 'Ready', status: 'True' }] } } as Node);
  return kube;
}

describe('route controller pass', () => {
  it('given nodes within the quota, then one route each and no Node writes (absent NetworkUnavailable means available)', () => {
    const nodes = [node(0), node(1)];
    expect(planRoutes(network('GlobalRouter', 200), nodes, store(nodes), now)).toEqual({
      add: [
        { destination: '10.0.0.0/24', nextHop: '172.0.0.2', nodeName: '172.0.0.2' },
        { destination: '10.0.1.0/24', nextHop: '172.0.0.3', nodeName: '172.0.0.3' },
      ],
      remove: [],
      actions: [],
    });
  });

  it('given a full route table, then the node left over gets NetworkUnavailable=True and a FailedToCreateRoute Event', () => {
    const nodes = [node(0), node(1)];
    const plan = planRoutes(network('GlobalRouter', 1), nodes, store(nodes), now);
    expect(plan.add.map((r) => r.nodeName)).toEqual(['172.0.0.2']);
    const described = plan.actions.map((a) => (a.type === 'event' ? `event ${a.note.reason}` : a.type === 'update' ? `update ${a.object.metadata.name} taints ${JSON.stringify((a.object.spec as { taints?: unknown }).taints)}` : `${a.type} ${'name' in a ? a.name : ''}`));
    expect(described).toEqual(['status 172.0.0.3', 'update 172.0.0.3 taints [{"key":"node.kubernetes.io/network-unavailable","effect":"NoSchedule"}]', 'event FailedToCreateRoute']);
  });

  it('given Flannel, then the VPC holds no routes and no Node is written', () => {
    const nodes = [node(0)];
    expect(planRoutes(network('Flannel', 200), nodes, store(nodes), now)).toEqual({ add: [], remove: [], actions: [] });
  });
});
