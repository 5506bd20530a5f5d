import type { StoredEvent } from '../../../platform/kernel/index.js';
import { ProjectionEngine } from '../../../platform/projections/projection-engine.js';
import { clusterDecider } from '../cluster/cluster.decider.js';
import type { ClusterCommand, ClusterEvent } from '../cluster/cluster.types.js';
import { clustersProjection, type ClustersState } from './clusters.projection.js';

const at = '2017-06-01T00:00:00.000Z';
let position = 0;
const stored = (events: ClusterEvent[], version = { v: 0 }): StoredEvent[] =>
  events.map((e) => ({ ...e, position: ++position, streamId: 'cluster-cls-1', streamVersion: ++version.v, metadata: { accountId: 'acme' } }) as unknown as StoredEvent);

describe('clusters projection', () => {
  it('shows a cluster with its nodes and version, and drops it when deleted', () => {
    const engine = new ProjectionEngine([clustersProjection]);
    const create: ClusterCommand = {
      type: 'CreateCluster',
      data: { name: 'demo', description: '', region: 'ap-guangzhou', zone: 'ap-guangzhou-3', vpcCidr: '172.0.0.0/24', podCidr: '10.0.0.0/14', serviceCidr: '172.16.0.0/16', kubernetesVersion: '1.32.2', clusterId: 'cls-1', accountId: 'acme', createdAt: at },
    };
    const created = clusterDecider.decide(create, clusterDecider.initialState);
    const state1 = clusterDecider.evolve(clusterDecider.initialState, created[0]);
    const added = clusterDecider.decide({ type: 'AddNodes', data: { accountId: 'acme', clusterId: 'cls-1', count: 2, instanceType: 'S2.MEDIUM4', instanceIds: ['ins-a', 'ins-b'], at } }, state1);
    const version = { v: 0 };
    engine.apply(stored([...created, ...added], version));

    const view = engine.state<ClustersState>('clusters').clusters['cls-1'];
    expect(view).toMatchObject({ id: 'cls-1', accountId: 'acme', status: 'Running', version: 3 });
    expect(view.nodes.map((n) => [n.name, n.hostIp, n.podCidr, n.instanceId])).toEqual([
      ['172.0.0.2', '10.172.1.1', '10.0.0.0/24', 'ins-a'],
      ['172.0.0.3', '10.172.1.2', '10.0.1.0/24', 'ins-b'],
    ]);

    engine.apply(stored([{ type: 'ClusterDeleted', data: { clusterId: 'cls-1', name: 'demo', nodes: [], deletedAt: at } }], version));
    expect(engine.state<ClustersState>('clusters')).toEqual({ clusters: {}, takenIds: { 'cls-1': true } });
  });
});
