import { ProjectionService } from '../../../src/platform/projections/index.js';
import { ADD_NODES, CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

const APPLY = `mutation ($id: ID!, $yaml: String!) { applyManifest(input: { clusterId: $id, yaml: $yaml }) { objects { kind name action } } }`;
const app = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx, ports: [{ name: http, containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
`;

describe('services', () => {
  let t: TestServer;
  let id: string;
  beforeAll(async () => {
    t = await bootTestServer();
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
    id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'svc' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 2 } });
  });
  afterAll(() => t?.close());

  it('allocates a cluster IP from the service range and a node port, and keeps them on re-apply', async () => {
    await t.gql(APPLY, { id, yaml: app });
    await t.gql('mutation { advanceClock(seconds: 5) { now } }');
    const services = data(await t.gql(`query ($id: ID!) { cluster(id: $id) { services { name type clusterIp ports { port targetPort nodePort protocol } } } }`, { id })).cluster.services;
    expect(services).toEqual([
      { name: 'kubernetes', type: 'ClusterIP', clusterIp: '172.16.0.1', ports: [{ port: 443, targetPort: '6443', nodePort: null, protocol: 'TCP' }] },
      { name: 'web', type: 'NodePort', clusterIp: '172.16.0.2', ports: [{ port: 80, targetPort: 'http', nodePort: 30000, protocol: 'TCP' }] },
    ]);
    const reapplied = data(await t.gql(APPLY, { id, yaml: app })).applyManifest.objects;
    expect(reapplied.map((o: { action: string }) => o.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('keeps Endpoints listing the ready pods on the resolved target port', async () => {
    const endpoints = data(await t.gql(`query ($id: ID!) { cluster(id: $id) { pods { podIp } } }`, { id })).cluster.pods.map((p: { podIp: string }) => p.podIp).sort();
    const state = t.app.get(ProjectionService).state<{ clusters: Record<string, { objects: Record<string, Record<string, { subsets?: Array<{ addresses?: Array<{ ip: string }>; ports?: Array<{ port: number }> }> }>> }> }>('kubeObjects');
    const subsets = state.clusters[id].objects.Endpoints['default/web'].subsets!;
    expect(subsets[0].addresses!.map((a) => a.ip).sort()).toEqual(endpoints);
    expect(subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('refuses a node port that is taken', async () => {
    const taken = `apiVersion: v1
kind: Service
metadata: { name: clash }
spec: { type: NodePort, selector: { app: web }, ports: [{ port: 81, nodePort: 30000 }] }
`;
    expect(errorOf(await t.gql(APPLY, { id, yaml: taken }))).toMatchObject({ code: 'BAD_USER_INPUT', message: 'spec.ports[0].nodePort: Invalid value: 30000: provided port is already allocated' });
  });
});
