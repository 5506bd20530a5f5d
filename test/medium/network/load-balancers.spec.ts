import { ADD_NODES, CREATE_CLUSTER, REMOVE_NODE } from '../../support/cluster-operations.js';
import { testDatabases } from '../../support/databases.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

const APPLY = `mutation ($id: ID!, $yaml: String!) { applyManifest(input: { clusterId: $id, yaml: $yaml }) { objects { kind name action } } }`;
const LBS = `query ($id: ID!) { loadBalancers(clusterId: $id) { id vip kind name status externalTrafficPolicy listeners { protocol port nodePort backends { nodeName port } } } }`;
const SERVICE = `query ($id: ID!) { cluster(id: $id) { services(namespace: "default") { name manifest } events(involvedObject: { kind: "Service", name: "web" }) { reason message source } } }`;
const SIMULATE = `mutation ($input: SimulateTrafficInput!) { simulateTraffic(input: $input) {
  externalTrafficPolicy requests delivered perNode { name count } perPod { name count } forwardedAcrossNodes dropped { name count } backends { nodeName healthy reason } } }`;
const EVENT_COUNT = `query { events(streamPrefix: "network-", first: 500) { nodes { type } } }`;

const pod = (name: string, node: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: web } }
spec: { nodeName: ${node}, containers: [{ name: nginx, image: nginx, ports: [{ name: http, containerPort: 80 }] }] }
---
`;
const service = (policy: 'Cluster' | 'Local', type = 'LoadBalancer') => `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { type: ${type}, externalTrafficPolicy: ${policy}, selector: { app: web }, ports: [{ name: http, port: 80, targetPort: http }] }
`;
const within = (count: number, expected: number, tolerance: number) => Math.abs(count - expected) / expected <= tolerance;

describe.each(testDatabases())('Service type LoadBalancer → CLB on $name', (database) => {
  let t: TestServer;
  let id: string;
  const lbs = async () => data(await t.gql(LBS, { id })).loadBalancers;
  const advance = (s: number) => t.gql('mutation ($s: Int!) { advanceClock(seconds: $s) { now } }', { s });
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config() });
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
    id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'lb' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 3 } });
    data(await t.gql(APPLY, { id, yaml: pod('web-1', '172.0.0.2') + pod('web-2', '172.0.0.3') + service('Cluster') }));
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  it('provisions a CLB in virtual time: EnsuringLoadBalancer, then EnsuredLoadBalancer and the VIP in status.loadBalancer', async () => {
    expect(await lbs()).toMatchObject([{ kind: 'Service', name: 'web', status: 'Provisioning', externalTrafficPolicy: 'Cluster' }]);
    let web = data(await t.gql(SERVICE, { id })).cluster;
    expect(web.events.map((e: { reason: string }) => e.reason)).toEqual(['EnsuringLoadBalancer']);
    expect(web.services.find((s: { name: string }) => s.name === 'web').manifest.status).toEqual({ loadBalancer: {} });
    await advance(5);
    const [lb] = await lbs();
    expect(lb).toMatchObject({ id: expect.stringMatching(/^lb-[a-z0-9]{8}$/), status: 'Active' });
    expect(lb.listeners).toEqual([{ protocol: 'TCP', port: 80, nodePort: 30000, backends: ['172.0.0.2', '172.0.0.3', '172.0.0.4'].map((nodeName) => ({ nodeName, port: 30000 })) }]);
    web = data(await t.gql(SERVICE, { id })).cluster;
    expect(web.events.map((e: { reason: string; source: string }) => `${e.reason} [${e.source}]`)).toEqual(['EnsuringLoadBalancer [service-controller]', 'EnsuredLoadBalancer [service-controller]']);
    expect(web.services.find((s: { name: string }) => s.name === 'web').manifest.status).toEqual({ loadBalancer: { ingress: [{ ip: lb.vip }] } });
  });

  it('with 3 nodes and externalTrafficPolicy Cluster, splits 10,000 requests within 5% of even per node', async () => {
    const [lb] = await lbs();
    const result = data(await t.gql(SIMULATE, { input: { loadBalancerId: lb.id, requests: 10_000 } })).simulateTraffic;
    expect(result).toMatchObject({ externalTrafficPolicy: 'Cluster', requests: 10_000, delivered: 10_000, dropped: [] });
    expect(result.perNode).toHaveLength(3);
    for (const { count } of result.perNode) expect(within(count, 10_000 / 3, 0.05)).toBe(true);
    expect(result.perPod.map((p: { name: string }) => p.name).sort()).toEqual(['default/web-1', 'default/web-2']);
    expect(result.forwardedAcrossNodes).toBeGreaterThan(0);
  });

  it('under Local, only nodes with a ready endpoint receive traffic, and nothing crosses nodes', async () => {
    data(await t.gql(APPLY, { id, yaml: service('Local') }));
    const [lb] = await lbs();
    expect(lb.externalTrafficPolicy).toBe('Local');
    const result = data(await t.gql(SIMULATE, { input: { loadBalancerId: lb.id, requests: 10_000 } })).simulateTraffic;
    expect(result.perNode.map((n: { name: string }) => n.name).sort()).toEqual(['172.0.0.2', '172.0.0.3']);
    for (const { count } of result.perNode) expect(within(count, 5_000, 0.05)).toBe(true);
    expect(result).toMatchObject({ delivered: 10_000, forwardedAcrossNodes: 0 });
    expect(result.backends.find((b: { nodeName: string }) => b.nodeName === '172.0.0.4')).toMatchObject({ healthy: false, reason: expect.stringContaining('no local endpoints') });
  });

  it('backends follow nodes joining and leaving', async () => {
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 1 } });
    expect((await lbs())[0].listeners[0].backends.map((b: { nodeName: string }) => b.nodeName)).toEqual(['172.0.0.2', '172.0.0.3', '172.0.0.4', '172.0.0.5']);
    await t.gql(REMOVE_NODE, { input: { clusterId: id, nodeName: '172.0.0.4' } });
    expect((await lbs())[0].listeners[0].backends.map((b: { nodeName: string }) => b.nodeName)).toEqual(['172.0.0.2', '172.0.0.3', '172.0.0.5']);
    const reasons = data(await t.gql(SERVICE, { id })).cluster.events.map((e: { reason: string }) => e.reason);
    expect(reasons).toContain('UpdatedLoadBalancer');
  });

  it('rejects bad simulation input with BAD_USER_INPUT naming the field, recording nothing', async () => {
    const [lb] = await lbs();
    const before = data(await t.gql(EVENT_COUNT)).events.nodes.length;
    expect(errorOf(await t.gql(SIMULATE, { input: { loadBalancerId: lb.id, requests: 0 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requests' });
    expect(errorOf(await t.gql(SIMULATE, { input: { loadBalancerId: lb.id, requests: 10, port: 81 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.port' });
    expect(errorOf(await t.gql(SIMULATE, { input: { loadBalancerId: 'lb-nothere0', requests: 10 } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.loadBalancerId' });
    const sctp = service('Cluster').replace('port: 80,', 'port: 80, protocol: SCTP,').replace('name: web', 'name: other');
    expect(errorOf(await t.gql(APPLY, { id, yaml: sctp }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.spec.ports[0].protocol', message: 'spec.ports[0].protocol: Unsupported value: "SCTP": supported values: "TCP", "UDP"' });
    expect(data(await t.gql(SERVICE, { id })).cluster.services.map((s: { name: string }) => s.name)).toEqual(['kubernetes', 'web']);
    expect(data(await t.gql(EVENT_COUNT)).events.nodes.length).toBe(before);
  });

  it('deletes the CLB when the Service stops being of type LoadBalancer', async () => {
    data(await t.gql(APPLY, { id, yaml: service('Cluster', 'NodePort') }));
    expect(await lbs()).toEqual([]);
    const web = data(await t.gql(SERVICE, { id })).cluster;
    expect(web.events.map((e: { reason: string }) => e.reason).slice(-2)).toEqual(['DeletingLoadBalancer', 'DeletedLoadBalancer']);
    expect(web.services.find((s: { name: string }) => s.name === 'web').manifest.status).toEqual({ loadBalancer: {} });
  });
});
