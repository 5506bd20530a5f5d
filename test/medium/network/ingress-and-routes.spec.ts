import { ADD_NODES, CREATE_CLUSTER, REMOVE_NODE } from '../../support/cluster-operations.js';
import { testDatabases } from '../../support/databases.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

const APPLY = `mutation ($id: ID!, $yaml: String!) { applyManifest(input: { clusterId: $id, yaml: $yaml }) { objects { kind name action } } }`;
const REQUEST = `mutation ($input: SimulateRequestInput!) { simulateRequest(input: $input) { status reason loadBalancerId rule { field host path pathType } service servicePort endpoint { pod } } }`;
const NETWORK = `query ($id: ID!) { cluster(id: $id) { networkMode routeQuota routes { destination nextHop } nodes { name podCidr conditions { type status reason } taints { key effect } } events(involvedObject: { kind: "Node" }) { reason message source } } }`;
const TRACE = `query ($input: TracePacketInput!) { tracePacket(input: $input) { delivered dropCode } }`;

const backends = `apiVersion: v1
kind: Pod
metadata: { name: shop, labels: { app: shop } }
spec: { containers: [{ name: nginx, image: nginx, ports: [{ name: http, containerPort: 80 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: api, labels: { app: api } }
spec: { containers: [{ name: nginx, image: nginx, ports: [{ name: http, containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: shop }
spec: { selector: { app: shop }, ports: [{ port: 80, targetPort: http }] }
---
apiVersion: v1
kind: Service
metadata: { name: api }
spec: { selector: { app: api }, ports: [{ port: 80, targetPort: http }] }
`;
const ingress = (host: string, service = 'api') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec:
  rules:
    - host: "${host}"
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: shop, port: { number: 80 } } } }
          - { path: /api, pathType: Prefix, backend: { service: { name: ${service}, port: { number: 80 } } } }
`;

describe.each(testDatabases())('Ingress on an application CLB, and the route controller, on $name', (database) => {
  let t: TestServer;
  let id: string;
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config() });
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
    id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'ing', routeQuota: 2 } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 2 } });
    data(await t.gql(APPLY, { id, yaml: backends }));
    await t.gql('mutation { advanceClock(seconds: 10) { now } }');
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  it.each([
    ['two wildcards (Kubernetes itself refuses it first)', ingress('*.*.example.com'), 'input.yaml', /spec\.rules\[0\]\.host/],
    ['a host over 80 characters', ingress(`${'a'.repeat(75)}.example.com`), 'input.spec.rules[0].host', /no more than 80 characters/],
    ['an unknown service', ingress('shop.example.com', 'nothere'), 'input.spec.rules[0].http.paths[1].backend.service.name', /Not found: "nothere"/],
  ])('refuses an Ingress with %s at apply time, naming the field, applying nothing', async (_name, yaml, field, message) => {
    const error = errorOf(await t.gql(APPLY, { id, yaml }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(message);
    expect(data(await t.gql(`query ($id: ID!) { loadBalancers(clusterId: $id) { id } }`, { id })).loadBalancers).toEqual([]);
  });

  it('makes an application CLB for an Ingress, and routes requests by host and longest path', async () => {
    expect(data(await t.gql(APPLY, { id, yaml: ingress('shop.example.com') })).applyManifest.objects).toEqual([{ kind: 'Ingress', name: 'web', action: 'created' }]);
    expect(errorOf(await t.gql(REQUEST, { input: { clusterId: id, ingress: 'default/web', host: 'shop.example.com', path: '/' } }))).toMatchObject({ code: 'FAILED_PRECONDITION' });
    await t.gql('mutation { advanceClock(seconds: 5) { now } }');
    const ask = async (host: string, path: string) => data(await t.gql(REQUEST, { input: { clusterId: id, ingress: 'default/web', host, path } })).simulateRequest;
    expect(await ask('shop.example.com', '/api/v1/items')).toMatchObject({ status: 200, rule: { field: 'spec.rules[0].http.paths[1]', path: '/api' }, service: 'default/api', endpoint: { pod: 'default/api' } });
    expect(await ask('SHOP.example.com:80', '/cart')).toMatchObject({ status: 200, service: 'default/shop', endpoint: { pod: 'default/shop' } });
    expect(await ask('other.example.com', '/')).toMatchObject({ status: 404, reason: 'no rule matches host "other.example.com", and the ingress has no default backend' });
    expect(errorOf(await t.gql(REQUEST, { input: { clusterId: id, ingress: 'web', host: 'shop.example.com', path: 'cart' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.path' });
    expect(errorOf(await t.gql(REQUEST, { input: { clusterId: id, ingress: 'default/nope', host: 'a', path: '/' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.ingress' });
  });

  it('given a route quota of 2, a third node stays NetworkUnavailable with FailedToCreateRoute, until a route frees up', async () => {
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 1 } });
    let cluster = data(await t.gql(NETWORK, { id })).cluster;
    expect(cluster.routes).toEqual([{ destination: '10.0.0.0/24', nextHop: '172.0.0.2' }, { destination: '10.0.1.0/24', nextHop: '172.0.0.3' }]);
    const third = cluster.nodes.find((n: { name: string }) => n.name === '172.0.0.4');
    expect(third.conditions).toContainEqual({ type: 'NetworkUnavailable', status: 'True', reason: 'NoRouteCreated' });
    // As TaintNodesByCondition does, so the scheduler keeps pods off a node they could not be reached on.
    expect(third.taints).toContainEqual({ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' });
    expect(cluster.events).toEqual([{ reason: 'FailedToCreateRoute', source: 'route_controller', message: "Could not create route 172.0.0.4 10.0.2.0/24 for node 172.0.0.4: the cluster's route table is full (quota 2 routes)" }]);
    await t.gql(REMOVE_NODE, { input: { clusterId: id, nodeName: '172.0.0.2' } });
    cluster = data(await t.gql(NETWORK, { id })).cluster;
    expect(cluster.routes).toEqual([{ destination: '10.0.1.0/24', nextHop: '172.0.0.3' }, { destination: '10.0.2.0/24', nextHop: '172.0.0.4' }]);
    const routed = cluster.nodes.find((n: { name: string }) => n.name === '172.0.0.4');
    expect(routed.conditions).toContainEqual({ type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated' });
    expect(routed.taints).not.toContainEqual({ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' });
  });

  it('rejects bad cluster network input and bad trace input with BAD_USER_INPUT naming the field, creating nothing', async () => {
    const count = async () => data(await t.gql('query { clusters { totalCount } }')).clusters.totalCount;
    const before = await count();
    expect(errorOf(await t.gql(CREATE_CLUSTER, { input: { name: 'q', routeQuota: 0 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.routeQuota' });
    expect(errorOf(await t.gql(CREATE_CLUSTER, { input: { name: 'o', podCidr: '172.0.0.0/16' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.podCidr' });
    expect(await count()).toBe(before);
    const small = data(await t.gql(CREATE_CLUSTER, { input: { name: 'small', serviceCidr: '172.16.0.0/27' } })).createCluster.cluster.id;
    const services = Array.from({ length: 30 }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata: { name: s${i} }\nspec: { ports: [{ port: 80 }] }\n`).join('---\n');
    const full = errorOf(await t.gql(APPLY, { id: small, yaml: services }));
    expect(full).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.spec.clusterIPs', message: 'spec.clusterIPs: Invalid value: []string(nil): failed to allocate a serviceIP: range is full' });
    expect(data(await t.gql(`query ($id: ID!) { cluster(id: $id) { services { name } } }`, { id: small })).cluster.services).toEqual([{ name: 'kubernetes' }]);
    expect(errorOf(await t.gql(TRACE, { input: { clusterId: id, from: 'default/shop', to: 'api', port: 70000 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.port' });
    expect(errorOf(await t.gql(TRACE, { input: { clusterId: id, from: 'default/shop', to: 'api', protocol: 'ICMP' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.protocol' });
    expect(data(await t.gql(TRACE, { input: { clusterId: id, from: '172.0.0.3', to: 'nothere.default.svc.cluster.local', port: 80 } })).tracePacket).toEqual({ delivered: false, dropCode: 'UnknownService' });
  });
});
