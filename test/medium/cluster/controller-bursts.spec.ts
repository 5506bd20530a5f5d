import { EventStore } from '../../../src/platform/event-store/index.js';
import type { StoredEvent } from '../../../src/platform/kernel/index.js';
import { ADD_NODES, CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { bootTestServer, data, type TestServer } from '../../support/test-server.js';

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: burst }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: burst } }
  template:
    metadata: { labels: { app: burst } }
    spec: { containers: [{ name: c, image: "nginx:1.25", resources: { requests: { cpu: 10m, memory: 10Mi } } }] }
`;

type Action = { type: string; names?: string[] };

describe('a ReplicaSet creating more pods than one burst', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await bootTestServer();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('given 1,200 replicas, when applied, then its controller syncs three times (500, 500, 200 pods) before the scheduler binds any, and all are bound in one scheduling command', async () => {
    await t.gql(`mutation { setClockMode(mode: MANUAL) { mode } }`);
    const clusterId = data(await t.gql(CREATE_CLUSTER, { input: { name: 'bursts' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId, count: 12, instanceType: 'S2.LARGE8' } });
    data(await t.gql('mutation ($input: ApplyManifestInput!) { applyManifest(input: $input) { objects { name } } }', { input: { clusterId, yaml: deployment(1_200) } }));

    const events: StoredEvent[] = await t.app.get(EventStore).readAll(0, 100_000);
    const bursts = events.flatMap((e, i) =>
      e.type === 'ObjectsReconciled' ? ((e.data as { actions: Action[] }).actions.filter((a) => a.type === 'createPods').map((a) => ({ at: i, pods: a.names!.length }))) : [],
    );
    const firstBinding = events.findIndex((e) => e.type === 'PodsScheduled');
    expect(bursts.map((b) => b.pods)).toEqual([500, 500, 200]);
    expect(bursts.every((b) => b.at < firstBinding)).toBe(true);
    const bound = events.filter((e) => e.type === 'PodsScheduled').map((e) => (e.data as { outcomes: Array<{ nodeName: string | null }> }).outcomes.filter((o) => o.nodeName).length);
    expect(bound).toEqual([1_200]);
  });
});
