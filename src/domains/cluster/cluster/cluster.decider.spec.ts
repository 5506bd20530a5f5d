import { fold } from '../../../platform/kernel/index.js';
import { deciderSpec } from '../../../platform/kernel/testing/decider-spec.js';
import { clusterDecider } from './cluster.decider.js';
import type { ClusterCommand, ClusterEvent } from './cluster.types.js';

const spec = deciderSpec(clusterDecider);
const at = '2017-06-01T00:00:00.000Z';
const seedSpec = {
  name: 'demo',
  description: '',
  region: 'ap-guangzhou',
  zone: 'ap-guangzhou-3',
  vpcCidr: '172.0.0.0/24',
  podCidr: '10.0.0.0/14',
  serviceCidr: '172.16.0.0/16',
  kubernetesVersion: '1.32.2',
};
const create = (overrides: Partial<typeof seedSpec> = {}): ClusterCommand => ({
  type: 'CreateCluster',
  data: { ...seedSpec, ...overrides, clusterId: 'cls-1', accountId: 'acme', createdAt: at },
});
const created: ClusterEvent = { type: 'ClusterCreated', data: { ...seedSpec, clusterId: 'cls-1', accountId: 'acme', createdAt: at } };
const addNodes = (count: number, extra: Partial<{ instanceType: string; accountId: string }> = {}): ClusterCommand => ({
  type: 'AddNodes',
  data: {
    accountId: 'acme',
    clusterId: 'cls-1',
    count,
    instanceType: 'S2.MEDIUM4',
    instanceIds: Array.from({ length: Math.max(0, Math.min(count, 100)) }, (_, i) => `ins-${i}`),
    at,
    ...extra,
  },
});
const decideAfter = (events: ClusterEvent[], command: ClusterCommand): ClusterEvent[] =>
  clusterDecider.decide(command, fold(clusterDecider, events));
const nodesOf = (events: ClusterEvent[]) => events.flatMap((e) => (e.type === 'NodeAdded' ? [e.data] : []));

describe('cluster decider', () => {
  describe('CreateCluster', () => {
    it('creates a cluster with the seed defaults', () => {
      spec.given([]).when(create()).then([created]);
    });

    it('rejects an id that is already taken', () => {
      spec.given([created]).when(create()).thenRejects('CONFLICT', 'clusterId', 'clusters "cls-1" already exists');
    });

    it.each([
      ['name', { name: 'Demo_1' }, /lowercase RFC 1123 label/],
      ['description', { description: 'x'.repeat(257) }, /no more than 256/],
      ['region', { region: 'mars-1' }, /Unsupported value: "mars-1"/],
      ['zone', { zone: 'ap-shanghai-1' }, /Unsupported value: "ap-shanghai-1": supported values: "ap-guangzhou-1"/],
      ['vpcCidr', { vpcCidr: '172.0.0.0/33' }, /vpcCidr: Invalid value: "172.0.0.0\/33": must be a valid CIDR/],
      ['vpcCidr', { vpcCidr: '172.0.0.1/24' }, /must be a network address/],
      ['vpcCidr', { vpcCidr: '172.0.0.0/8' }, /between \/16 and \/28/],
      ['podCidr', { podCidr: '10.0.0.0/25' }, /between \/8 and \/24/],
      ['podCidr', { podCidr: '172.0.0.0/14' }, /overlaps with vpcCidr 172.0.0.0\/24/],
      ['serviceCidr', { serviceCidr: '10.0.0.0/16' }, /overlaps with podCidr 10.0.0.0\/14/],
      ['serviceCidr', { serviceCidr: '172.0.0.0/16' }, /overlaps with vpcCidr/],
      ['serviceCidr', { serviceCidr: 'nonsense' }, /must be a valid CIDR/],
      ['kubernetesVersion', { kubernetesVersion: '1.99.0' }, /Unsupported value: "1.99.0"/],
    ])('rejects a bad %s', (field, overrides, message) => {
      spec.given([]).when(create(overrides)).thenRejects('BAD_USER_INPUT', field, message);
    });
  });

  describe('AddNodes', () => {
    it('reproduces the seed: 172.0.0.2 on host 10.172.1.1 with 10.0.0.0/24, then 172.0.0.3 on 10.172.1.2 with 10.0.1.0/24', () => {
      const events = decideAfter([created], addNodes(2));
      expect(nodesOf(events).map((n) => [n.name, n.privateIp, n.hostIp, n.podCidr])).toEqual([
        ['172.0.0.2', '172.0.0.2', '10.172.1.1', '10.0.0.0/24'],
        ['172.0.0.3', '172.0.0.3', '10.172.1.2', '10.0.1.0/24'],
      ]);
      expect(nodesOf(events)[0]).toMatchObject({
        instanceType: 'S2.MEDIUM4',
        zone: 'ap-guangzhou-3',
        capacity: { cpu: '2', memory: '4194304Ki', pods: '253' },
        allocatable: { cpu: '1930m', memory: '3043328Ki', pods: '253' },
      });
      expect(nodesOf(events)[0].conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    });

    it('reuses the lowest free address and pod subnet after a removal, on a fresh host', () => {
      const events = decideAfter([created], addNodes(3));
      const removed: ClusterEvent = {
        type: 'NodeRemoved',
        data: { clusterId: 'cls-1', name: '172.0.0.3', instanceId: 'ins-1', privateIp: '172.0.0.3', podCidr: '10.0.1.0/24', removedAt: at },
      };
      const again = decideAfter([created, ...events, removed], addNodes(1));
      expect(nodesOf(again).map((n) => [n.privateIp, n.podCidr, n.hostIp])).toEqual([['172.0.0.3', '10.0.1.0/24', '10.172.1.4']]);
    });

    it.each([0, 101, 1.5])('rejects count %s', (count) => {
      spec.given([created]).when(addNodes(count)).thenRejects('BAD_USER_INPUT', 'count', /must be between 1 and 100/);
    });

    it('rejects an unknown instance type, listing the known ones', () => {
      spec.given([created]).when(addNodes(1, { instanceType: 'S9.HUGE' })).thenRejects('BAD_USER_INPUT', 'instanceType', /"S2.MEDIUM4"/);
    });

    it('rejects when the VPC range runs out of addresses', () => {
      const small: ClusterEvent = { type: 'ClusterCreated', data: { ...created.data, vpcCidr: '172.0.0.0/28' } };
      spec.given([small]).when(addNodes(14)).thenRejects('BAD_USER_INPUT', 'count', 'count: Invalid value: 14: vpcCidr 172.0.0.0/28 has only 13 free addresses left');
    });

    it('rejects when the pod range runs out of node subnets', () => {
      const small: ClusterEvent = { type: 'ClusterCreated', data: { ...created.data, podCidr: '10.0.0.0/24' } };
      spec.given([small]).when(addNodes(2)).thenRejects('BAD_USER_INPUT', 'count', /podCidr 10.0.0.0\/24 has only 1 free \/24 node subnets left/);
    });

    it('answers NOT_FOUND for a cluster that does not exist, another account\'s, or a deleted one', () => {
      const deleted: ClusterEvent = { type: 'ClusterDeleted', data: { clusterId: 'cls-1', name: 'demo', nodes: [], deletedAt: at } };
      spec.given([]).when(addNodes(1)).thenRejects('NOT_FOUND', 'clusterId', 'clusters "cls-1" not found');
      spec.given([created]).when(addNodes(1, { accountId: 'mallory' })).thenRejects('NOT_FOUND', 'clusterId', 'clusters "cls-1" not found');
      spec.given([created, deleted]).when(addNodes(1)).thenRejects('NOT_FOUND', 'clusterId', 'clusters "cls-1" not found');
    });
  });

  describe('RemoveNode and DeleteCluster', () => {
    const withNode = (): ClusterEvent[] => [created, ...decideAfter([created], addNodes(1))];

    it('removes a node, freeing its address and subnet', () => {
      spec
        .given(withNode())
        .when({ type: 'RemoveNode', data: { accountId: 'acme', clusterId: 'cls-1', nodeName: '172.0.0.2', at } })
        .then([
          {
            type: 'NodeRemoved',
            data: { clusterId: 'cls-1', name: '172.0.0.2', instanceId: 'ins-0', privateIp: '172.0.0.2', podCidr: '10.0.0.0/24', removedAt: at },
          },
        ]);
    });

    it('answers NOT_FOUND for a node that is not in the cluster', () => {
      spec
        .given(withNode())
        .when({ type: 'RemoveNode', data: { accountId: 'acme', clusterId: 'cls-1', nodeName: '172.0.0.9', at } })
        .thenRejects('NOT_FOUND', 'nodeName', 'nodes "172.0.0.9" not found');
    });

    it('deletes a cluster with its nodes, once', () => {
      const deleteCluster: ClusterCommand = { type: 'DeleteCluster', data: { accountId: 'acme', clusterId: 'cls-1', at } };
      const deleted: ClusterEvent = { type: 'ClusterDeleted', data: { clusterId: 'cls-1', name: 'demo', nodes: ['172.0.0.2'], deletedAt: at } };
      spec.given(withNode()).when(deleteCluster).then([deleted]);
      spec.given([...withNode(), deleted]).when(deleteCluster).thenRejects('NOT_FOUND', 'clusterId');
      spec.given(withNode()).when({ ...deleteCluster, data: { ...deleteCluster.data, accountId: 'mallory' } }).thenRejects('NOT_FOUND', 'clusterId');
    });
  });
});
