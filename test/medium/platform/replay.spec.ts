import fc from 'fast-check';
import { allProjections } from '../../../src/app.projections.js';
import { EventStore } from '../../../src/platform/event-store/index.js';
import { ProjectionEngine, ProjectionService, rebuildFromZero, replay } from '../../../src/platform/projections/index.js';
import { testDatabases } from '../../support/databases.js';
import { ADD_NODES, CREATE_CLUSTER, DELETE_CLUSTER, REMOVE_NODE } from '../../support/cluster-operations.js';
import { bootTestServer, data, type TestServer } from '../../support/test-server.js';

type Op =
  | { kind: 'create'; name: string; vpc: string }
  | { kind: 'add'; cluster: number; count: number; type: string }
  | { kind: 'remove'; cluster: number; node: number }
  | { kind: 'delete'; cluster: number }
  | { kind: 'advance'; seconds: number }
  | { kind: 'token' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name: fc.constantFrom('a', 'b', 'c', 'Bad_Name'), vpc: fc.constantFrom('172.0.0.0/24', '192.168.0.0/28', '10.0.0.0/24') }),
  fc.record({ kind: fc.constant('add' as const), cluster: fc.nat(3), count: fc.integer({ min: 0, max: 8 }), type: fc.constantFrom('S2.MEDIUM4', 'S2.LARGE8', 'S9.NONE') }),
  fc.record({ kind: fc.constant('remove' as const), cluster: fc.nat(3), node: fc.nat(6) }),
  fc.record({ kind: fc.constant('delete' as const), cluster: fc.nat(3) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 7200 }) }),
  fc.record({ kind: fc.constant('token' as const) }),
);

describe.each(testDatabases())('replay on $name', (database) => {
  let t: TestServer;
  let accounts = 0;
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config(), snapshotEvery: 50 });
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  async function run(ops: Op[]): Promise<void> {
    const created = await t.gql(`mutation ($name: String!) { createAccount(input: { name: $name, seed: $name }) { token } }`, { name: `acct-${++accounts}` }, { token: t.adminToken });
    const token = data(created).createAccount.token as string;
    const as = { token };
    const clusters: Array<{ id: string; nodes: string[] }> = [];
    for (const o of ops) {
      const target = clusters[('cluster' in o ? o.cluster : 0) % Math.max(clusters.length, 1)];
      if (o.kind === 'create') {
        const answer = await t.gql(CREATE_CLUSTER, { input: { name: o.name, vpcCidr: o.vpc } }, as);
        if (answer.data) clusters.push({ id: answer.data.createCluster.cluster.id, nodes: [] });
      } else if (o.kind === 'add' && target) {
        const answer = await t.gql(ADD_NODES, { input: { clusterId: target.id, count: o.count, instanceType: o.type } }, as);
        target.nodes.push(...(answer.data?.addNodes.nodes ?? []).map((n: { name: string }) => n.name));
      } else if (o.kind === 'remove' && target) {
        await t.gql(REMOVE_NODE, { input: { clusterId: target.id, nodeName: target.nodes[o.node % Math.max(target.nodes.length, 1)] ?? '172.0.0.9' } }, as);
      } else if (o.kind === 'delete' && target) {
        await t.gql(DELETE_CLUSTER, { input: { clusterId: target.id } }, as);
      } else if (o.kind === 'advance') {
        await t.gql(`mutation ($s: Int!) { advanceClock(seconds: $s) { now } }`, { s: o.seconds }, as);
      } else if (o.kind === 'token') {
        await t.gql(`mutation { createToken(input: { label: "fc" }) { id } }`, {}, as);
      }
    }
  }

  it('rebuilds, from zero, read models byte-identical to the live ones after any command sequence', async () => {
    const live = t.app.get(ProjectionService);
    const store = t.app.get(EventStore);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        await run(ops);
        const rebuilt = await rebuildFromZero(store, new ProjectionEngine(allProjections), { pageSize: 7 });
        expect(rebuilt.position).toBe(live.position);
        expect(rebuilt.serialize()).toBe(live.engine.serialize());
      }),
      { numRuns: 30 },
    );
  });

  it('restores from the latest snapshot plus the log tail to the same read models', async () => {
    const live = t.app.get(ProjectionService);
    const store = t.app.get(EventStore);
    await run([{ kind: 'create', name: 'snap', vpc: '172.0.0.0/24' }]);
    await live.snapshot();
    await run([{ kind: 'create', name: 'tail', vpc: '172.0.0.0/24' }, { kind: 'add', cluster: 0, count: 3, type: 'S2.MEDIUM4' }]);
    const snapshot = await store.latestSnapshot();
    expect(snapshot!.position).toBeLessThan(live.position);
    const restored = new ProjectionEngine(allProjections);
    expect(restored.restore(snapshot!)).toBe(true);
    await replay(store, restored);
    expect(restored.serialize()).toBe(live.engine.serialize());
  });
});
