import { ADD_NODES, CREATE_CLUSTER } from '../support/cluster-operations.js';
import { bootTestServer, data, type TestServer } from '../support/test-server.js';

const APPLY = `mutation ($id: ID!, $yaml: String!) { applyManifest(input: { clusterId: $id, yaml: $yaml }) { objects { kind name action } } }`;
const STATE = `query ($id: ID!) { cluster(id: $id) { pods { name status } workloads { kind name replicas readyReplicas } } }`;
const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: "nginx:1.25" }] }
`;

describe('workloads over GraphQL', () => {
  let t: TestServer;
  let id: string;
  const state = async () => data(await t.gql(STATE, { id })).cluster;
  const advance = (s: number) => t.gql('mutation ($s: Int!) { advanceClock(seconds: $s) { now } }', { s });

  beforeAll(async () => {
    t = await bootTestServer();
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
    id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'apps' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 3 } });
  });
  afterAll(() => t?.close());

  it('applies a Deployment whose pods run, scales it, and deletes it with its ReplicaSet and pods', async () => {
    expect(data(await t.gql(APPLY, { id, yaml: deployment(2) })).applyManifest.objects).toEqual([{ kind: 'Deployment', name: 'web', action: 'created' }]);
    await advance(5);
    let now = await state();
    expect(now.pods.map((p: { status: string }) => p.status)).toEqual(['Running', 'Running']);
    expect(now.workloads).toEqual([
      { kind: 'Deployment', name: 'web', replicas: 2, readyReplicas: 2 },
      { kind: 'ReplicaSet', name: expect.stringMatching(/^web-[a-z0-9]+$/), replicas: 2, readyReplicas: 2 },
    ]);

    expect(data(await t.gql(APPLY, { id, yaml: deployment(4) })).applyManifest.objects[0].action).toBe('configured');
    await advance(5);
    now = await state();
    expect(now.pods.filter((p: { status: string }) => p.status === 'Running')).toHaveLength(4);
    expect(now.workloads[0]).toEqual({ kind: 'Deployment', name: 'web', replicas: 4, readyReplicas: 4 });

    await t.gql(`mutation ($id: ID!) { deleteResource(input: { clusterId: $id, kind: "Deployment", name: "web" }) { name } }`, { id });
    await advance(2);
    now = await state();
    expect(now.workloads).toEqual([]);
    expect(now.pods).toEqual([]);
  });
});
