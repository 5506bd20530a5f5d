import { SeededRandom, seedFromText } from '../../../src/emulator/clock/index.js';
import { testDatabases } from '../../support/databases.js';
import { ADD_NODES, CLUSTER, CLUSTERS, CREATE_CLUSTER, DELETE_CLUSTER, EVENTS, REMOVE_NODE } from '../../support/cluster-operations.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

describe.each(testDatabases())('clusters and nodes on $name', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config() });
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  const createCluster = async (name: string, extra: Record<string, unknown> = {}) =>
    data(await t.gql(CREATE_CLUSTER, { input: { name, ...extra } })).createCluster.cluster;
  const eventsOf = async (prefix: string) => data(await t.gql(EVENTS, { prefix, first: 500 })).events.nodes as Array<{ type: string }>;

  it('creates a cluster and nodes that reproduce the seed: 172.0.0.2 on 10.172.1.1 with 10.0.0.0/24, then 172.0.0.3 on 10.172.1.2', async () => {
    const cluster = await createCluster('seed');
    expect(cluster).toMatchObject({ status: 'Running', vpcCidr: '172.0.0.0/24', podCidr: '10.0.0.0/14', serviceCidr: '172.16.0.0/16', nodeCount: 0 });
    expect(cluster.id).toMatch(/^cls-[a-z0-9]{8}$/);

    const added = data(await t.gql(ADD_NODES, { input: { clusterId: cluster.id, count: 3 } })).addNodes;
    expect(added.nodes.map((n: any) => [n.name, n.hostIp, n.podCidr])).toEqual([
      ['172.0.0.2', '10.172.1.1', '10.0.0.0/24'],
      ['172.0.0.3', '10.172.1.2', '10.0.1.0/24'],
      ['172.0.0.4', '10.172.1.3', '10.0.2.0/24'],
    ]);
    const read = data(await t.gql(CLUSTER, { id: cluster.id })).cluster;
    expect(read.nodes[0]).toMatchObject({
      capacity: { cpu: '2', memory: '4194304Ki', pods: '253' },
      allocatable: { cpu: '1930m', memory: '3043328Ki', pods: '253' },
    });
    expect(read.nodes[0].conditions).toContainEqual({ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect((await eventsOf(`cluster-${cluster.id}`)).map((e) => e.type)).toEqual(['ClusterCreated', 'NodeAdded', 'NodeAdded', 'NodeAdded']);
  });

  it.each([
    ['a duplicate name', { name: 'dup' }, 'CONFLICT', 'input.name', 'clusters "dup" already exists'],
    ['a bad CIDR', { name: 'bad-cidr', vpcCidr: '172.0.0.0/33' }, 'BAD_USER_INPUT', 'input.vpcCidr', /must be a valid CIDR/],
    ['overlapping ranges', { name: 'overlap', podCidr: '172.0.0.0/16' }, 'BAD_USER_INPUT', 'input.podCidr', /overlaps with vpcCidr/],
    ['an unknown zone', { name: 'zone', zone: 'ap-guangzhou-9' }, 'BAD_USER_INPUT', 'input.zone', /Unsupported value/],
  ])('rejects %s, naming the field, and applies nothing', async (_what, input, code, field, message) => {
    if (input.name === 'dup') await createCluster('dup');
    const before = await eventsOf('');
    const error = errorOf(await t.gql(CREATE_CLUSTER, { input }));
    expect(error).toMatchObject({ code, field });
    expect(error.message).toMatch(message);
    expect(await eventsOf('')).toEqual(before);
  });

  it('rejects an unknown instance type and an exhausted range without adding any node', async () => {
    const cluster = await createCluster('small', { vpcCidr: '192.168.0.0/28' });
    expect(errorOf(await t.gql(ADD_NODES, { input: { clusterId: cluster.id, count: 1, instanceType: 'S9.HUGE' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.instanceType',
    });
    const exhausted = errorOf(await t.gql(ADD_NODES, { input: { clusterId: cluster.id, count: 14 } }));
    expect(exhausted).toEqual({ code: 'BAD_USER_INPUT', field: 'input.count', message: 'count: Invalid value: 14: vpcCidr 192.168.0.0/28 has only 13 free addresses left' });
    expect(data(await t.gql(CLUSTER, { id: cluster.id })).cluster.nodeCount).toBe(0);
    expect(await eventsOf(`cluster-${cluster.id}`)).toHaveLength(1);
  });

  it('lets exactly 1 of 50 concurrent addNodes with the same expectedVersion through; 49 get CONFLICT', async () => {
    const cluster = await createCluster('race', { vpcCidr: '172.1.0.0/16' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => t.gql(ADD_NODES, { input: { clusterId: cluster.id, count: 1, expectedVersion: cluster.version } })),
    );
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    expect(answers.filter((a) => a.errors?.[0].extensions?.code === 'CONFLICT' && a.errors[0].extensions.field === 'input.expectedVersion')).toHaveLength(49);
    expect(data(await t.gql(CLUSTER, { id: cluster.id })).cluster.nodeCount).toBe(1);
  });

  it('answers 1,000 retries of one command with one idempotency key with the first outcome, and writes one set of events', async () => {
    const cluster = await createCluster('idem');
    const send = () => t.gql(ADD_NODES, { input: { clusterId: cluster.id, count: 2 } }, { idempotencyKey: 'retry-me' });
    const answers = [];
    for (let round = 0; round < 20; round++) answers.push(...(await Promise.all(Array.from({ length: 50 }, send))));
    expect(answers).toHaveLength(1000);
    expect(new Set(answers.map((a) => JSON.stringify(data(a).addNodes.nodes))).size).toBe(1);
    expect((await eventsOf(`cluster-${cluster.id}`)).filter((e) => e.type === 'NodeAdded')).toHaveLength(2);
    const reused = errorOf(await t.gql(ADD_NODES, { input: { clusterId: cluster.id, count: 3 } }, { idempotencyKey: 'retry-me' }));
    expect(reused).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
  });

  it('removes a node, then deletes the cluster and frees its name', async () => {
    const cluster = await createCluster('gone');
    await t.gql(ADD_NODES, { input: { clusterId: cluster.id, count: 2 } });
    const removed = data(await t.gql(REMOVE_NODE, { input: { clusterId: cluster.id, nodeName: '172.0.0.2' } })).removeNode;
    expect(removed).toMatchObject({ removedNode: '172.0.0.2', cluster: { nodeCount: 1 } });
    expect(errorOf(await t.gql(REMOVE_NODE, { input: { clusterId: cluster.id, nodeName: '172.0.0.2' } }))).toEqual({
      code: 'NOT_FOUND',
      field: 'input.nodeName',
      message: 'nodes "172.0.0.2" not found',
    });
    expect(data(await t.gql(DELETE_CLUSTER, { input: { clusterId: cluster.id } })).deleteCluster).toEqual({ clusterId: cluster.id });
    expect(errorOf(await t.gql(CLUSTER, { id: cluster.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(data(await t.gql(CLUSTERS)).clusters.nodes.map((c: any) => c.id)).not.toContain(cluster.id);
    const again = await createCluster('gone');
    expect(again.id).not.toBe(cluster.id);
  });
});

describe('ids from seeded generators', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await bootTestServer();
  });
  afterAll(() => t?.close());

  const account = async (name: string, seed: string) =>
    data(await t.gql(`mutation ($name: String!, $seed: String) { createAccount(input: { name: $name, seed: $seed }) { token } }`, { name, seed }, { token: t.adminToken })).createAccount.token as string;

  it('gives the same ids for the same seed and commands, and a failed command does not shift them', async () => {
    const first = await account('first', 'lesson-1');
    const second = await account('second', 'lesson-1');
    const a = data(await t.gql(CREATE_CLUSTER, { input: { name: 'web' } }, { token: first })).createCluster.cluster.id;
    await t.gql(CREATE_CLUSTER, { input: { name: 'Bad_Name' } }, { token: second });
    const b = data(await t.gql(CREATE_CLUSTER, { input: { name: 'web' } }, { token: second })).createCluster.cluster.id;
    const expected = new SeededRandom(seedFromText('lesson-1'));
    expect(a).toBe(`cls-${expected.chars(8)}`);
    // The second account drew the first's id, which is taken across accounts, so it drew on; the failed command gave its draws back.
    expect(b).toBe(`cls-${expected.chars(8)}`);
  });

  it('never hands two concurrent commands the same ids', async () => {
    const token = await account('busy', 'busy');
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => t.gql(CREATE_CLUSTER, { input: { name: `c${i}` } }, { token })));
    const ids = created.map((r) => data(r).createCluster.cluster.id);
    expect(new Set(ids).size).toBe(20);
    const added = await Promise.all(ids.map((clusterId) => t.gql(ADD_NODES, { input: { clusterId, count: 2 } }, { token })));
    const instances = added.flatMap((r) => data(r).addNodes.nodes.map((n: { instanceId: string }) => n.instanceId));
    expect(new Set(instances).size).toBe(40);
  });
});
