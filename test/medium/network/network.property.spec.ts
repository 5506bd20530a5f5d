import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { allProjections } from '../../../src/app.projections.js';
import { EventStore, type DatabaseConfig } from '../../../src/platform/event-store/index.js';
import { ProjectionEngine, ProjectionService, rebuildFromZero } from '../../../src/platform/projections/index.js';
import { ADD_NODES, CREATE_CLUSTER, REMOVE_NODE } from '../../support/cluster-operations.js';
import { testDatabases } from '../../support/databases.js';
import { bootTestServer, data, type TestServer } from '../../support/test-server.js';
import { ClusterEmulator } from '../../../src/domains/cluster/emulator/cluster-emulator.js';

type Op =
  | { kind: 'add'; count: number }
  | { kind: 'remove'; node: number }
  | { kind: 'deploy'; app: number; replicas: number; type: 'ClusterIP' | 'NodePort' | 'LoadBalancer'; ports: number }
  | { kind: 'unexpose'; app: number }
  | { kind: 'advance'; seconds: number }
  | { kind: 'restart' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), node: fc.nat(5) }),
  fc.record({ kind: fc.constant('deploy' as const), app: fc.nat(2), replicas: fc.integer({ min: 0, max: 6 }), type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const, 'LoadBalancer' as const), ports: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('unexpose' as const), app: fc.nat(2) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('restart' as const) }),
);

const app = (n: number, replicas: number, type: string, ports: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: app${n} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: app${n} } }
  template:
    metadata: { labels: { app: app${n} } }
    spec: { containers: [{ name: c, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata: { name: app${n} }
spec: { type: ${type}, selector: { app: app${n} }, ports: [${Array.from({ length: ports }, (_, i) => `{ name: p${i}, port: ${80 + i} }`).join(', ')}] }
`;

const STATE = `query ($id: ID!) { cluster(id: $id) { nodes { name privateIp podCidr } routes { destination nextHop nodeName } pods { name podIp phase } services { name clusterIp ports { nodePort } } } }`;
const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe.each(testDatabases())('network invariants across restarts and replays on $name', (database) => {
  let t: TestServer;
  let config: DatabaseConfig;
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-net-'));
  beforeAll(async () => {
    config = database.name === 'sqlite' ? { engine: 'sqlite', path: join(dir, 'log.sqlite') } : await database.config();
    t = await bootTestServer({ database: config });
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function check(id: string): Promise<string> {
    const cluster = data(await t.gql(STATE, { id })).cluster;
    const routes = cluster.routes.map((r: { destination: string; nextHop: string; nodeName: string }) => `${r.destination}→${r.nextHop}@${r.nodeName}`).sort();
    expect(routes).toEqual(cluster.nodes.map((n: { name: string; privateIp: string; podCidr: string }) => `${n.podCidr}→${n.privateIp}@${n.name}`).sort());
    const live = cluster.pods.filter((p: { podIp: string | null; phase: string }) => p.podIp && p.phase !== 'Succeeded' && p.phase !== 'Failed');
    expect(duplicates(live.map((p: { podIp: string }) => p.podIp))).toEqual([]);
    expect(duplicates(cluster.services.map((s: { clusterIp: string }) => s.clusterIp))).toEqual([]);
    expect(duplicates(cluster.services.flatMap((s: { ports: Array<{ nodePort: number | null }> }) => s.ports.map((p) => p.nodePort).filter((p) => p !== null)).map(String))).toEqual([]);
    return JSON.stringify(cluster);
  }

  async function play(id: string, o: Op, nodes: string[]): Promise<void> {
    if (o.kind === 'add') nodes.push(...data(await t.gql(ADD_NODES, { input: { clusterId: id, count: o.count } })).addNodes.nodes.map((n: { name: string }) => n.name));
    else if (o.kind === 'remove' && nodes.length > 0) await t.gql(REMOVE_NODE, { input: { clusterId: id, nodeName: nodes.splice(o.node % nodes.length, 1)[0] } });
    else if (o.kind === 'deploy') await t.gql(`mutation ($id: ID!, $yaml: String!) { applyManifest(input: { clusterId: $id, yaml: $yaml }) { objects { name } } }`, { id, yaml: app(o.app, o.replicas, o.type, o.ports) });
    else if (o.kind === 'unexpose') await t.gql(`mutation ($id: ID!, $n: String!) { deleteResource(input: { clusterId: $id, kind: "Service", name: $n }) { name } }`, { id, n: `app${o.app}` });
    else if (o.kind === 'advance') await t.gql('mutation ($s: Int!) { advanceClock(seconds: $s) { now } }', { s: o.seconds });
  }

  it('keeps the route table equal to the nodes’ pod ranges, and pod IPs, ClusterIPs and NodePorts unique, at every step', async () => {
    let clusters = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const id = data(await t.gql(CREATE_CLUSTER, { input: { name: `p${++clusters}` } })).createCluster.cluster.id;
        const nodes: string[] = [];
        for (const o of ops) {
          if (o.kind === 'restart') {
            const before = await check(id);
            await t.close();
            t = await bootTestServer({ database: config });
            expect(await check(id)).toBe(before);
          } else await play(id, o, nodes);
          await check(id);
        }
        // The cluster loop may still be acting (a restart retries pending pods): compare once it has settled, or a commit
        // in flight (visible in the log before the live projection applies it, on PostgreSQL) makes the two differ.
        await t.app.get(ClusterEmulator).idle();
        const rebuilt = await rebuildFromZero(t.app.get(EventStore), new ProjectionEngine(allProjections));
        expect(rebuilt.serialize()).toBe(t.app.get(ProjectionService).engine.serialize());
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
