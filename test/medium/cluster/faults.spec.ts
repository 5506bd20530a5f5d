import { ADD_NODES, CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

const APPLY = `mutation ($input: ApplyManifestInput!) { applyManifest(input: $input) { objects { name action } } }`;
const STATE = `query ($id: ID!) { cluster(id: $id) {
  nodes { name conditions { type status reason message } taints { key effect } }
  pods { name status nodeName conditions { type status } containers { state reason restartCount ready } }
  events { reason message count involvedObject { kind name } } } }`;
const ADVANCE = `mutation ($s: Int!) { advanceClock(seconds: $s) { now } }`;
const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec: { containers: [{ name: app, image: nginx }] }
`;

describe('faults', () => {
  let t: TestServer;
  let clusterId: string;
  const state = async () => data(await t.gql(STATE, { id: clusterId })).cluster;

  beforeAll(async () => {
    t = await bootTestServer();
    await t.gql(`mutation { setClockMode(mode: MANUAL) { mode } }`);
    clusterId = data(await t.gql(CREATE_CLUSTER, { input: { name: 'faults' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId, count: 2 } });
    await t.gql(APPLY, { input: { clusterId, yaml: pod('a') } });
    await t.gql(ADVANCE, { s: 5 });
  });
  afterAll(() => t?.close());

  it('restarts a crashed container after a CrashLoopBackOff back-off of 10 s, then 20 s', async () => {
    const crash = `mutation ($id: ID!) { crashContainer(clusterId: $id, pod: "a") { status containers { state reason restartCount } } }`;
    expect(data(await t.gql(crash, { id: clusterId })).crashContainer).toEqual({ status: 'CrashLoopBackOff', containers: [{ state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 0 }] });
    await t.gql(ADVANCE, { s: 9 });
    expect((await state()).pods[0].status).toBe('CrashLoopBackOff');
    await t.gql(ADVANCE, { s: 1 });
    expect((await state()).pods[0]).toMatchObject({ status: 'Running', containers: [{ state: 'running', restartCount: 1, ready: true }] });
    await t.gql(crash, { id: clusterId });
    await t.gql(ADVANCE, { s: 19 });
    expect((await state()).pods[0].status).toBe('CrashLoopBackOff');
    await t.gql(ADVANCE, { s: 1 });
    expect((await state()).pods[0].containers[0].restartCount).toBe(2);
    const backOff = (await state()).events.filter((e: { reason: string }) => e.reason === 'BackOff');
    expect(backOff).toHaveLength(1);
    expect(backOff[0]).toMatchObject({ count: 2, message: expect.stringMatching(/^Back-off restarting failed container app in pod a_default\(/) });
  });

  it('marks a failed node NotReady after 40 s, taints it, and evicts its pods 300 s later', async () => {
    const node = (await state()).pods[0].nodeName as string;
    await t.gql(`mutation ($id: ID!, $n: String!) { failNode(clusterId: $id, nodeName: $n) { name } }`, { id: clusterId, n: node });
    await t.gql(ADVANCE, { s: 39 });
    const ready = (s: { nodes: Array<{ name: string; conditions: Array<{ type: string; status: string }> }> }) =>
      s.nodes.find((n) => n.name === node)!.conditions.find((c) => c.type === 'Ready')!.status;
    expect(ready(await state())).toBe('True');
    await t.gql(ADVANCE, { s: 1 });
    let now = await state();
    expect(ready(now)).toBe('Unknown');
    expect(now.nodes.find((n: { name: string }) => n.name === node).taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ]);
    expect(now.pods[0].conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('False');
    await t.gql(ADVANCE, { s: 299 });
    expect((await state()).pods[0].status).not.toBe('Terminating');
    await t.gql(ADVANCE, { s: 1 });
    now = await state();
    expect(now.pods[0].status).toBe('Terminating');
    expect(now.events.map((e: { reason: string }) => e.reason)).toEqual(expect.arrayContaining(['NodeNotReady', 'TaintManagerEviction']));

    await t.gql(`mutation ($id: ID!, $n: String!) { recoverNode(clusterId: $id, nodeName: $n) { name } }`, { id: clusterId, n: node });
    await t.gql(ADVANCE, { s: 2 });
    now = await state();
    expect(ready(now)).toBe('True');
    expect(now.pods).toEqual([]);
  });

  it('names the field of a bad fault', async () => {
    const answer = await t.gql(`mutation ($id: ID!) { failNode(clusterId: $id, nodeName: "10.9.9.9") { name } }`, { id: clusterId });
    expect(errorOf(answer)).toEqual({ code: 'NOT_FOUND', field: 'nodeName', message: 'nodes "10.9.9.9" not found' });
  });
});
