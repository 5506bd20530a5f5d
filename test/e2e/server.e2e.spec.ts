import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ADD_NODES, CLUSTER, CLUSTERS, CREATE_CLUSTER, EVENTS } from '../support/cluster-operations.js';
import { bootTestServer, data, type TestServer } from '../support/test-server.js';

const BIN = join(process.cwd(), 'bin', 'tkesim.js');

describe('tkesim server end to end (SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-e2e-'));
  const onDisk = { database: { engine: 'sqlite' as const, path: join(dir, 'tkesim.sqlite') }, dataDir: dir, sandboxToken: undefined };
  let t: TestServer;

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a cluster and 3 nodes over GraphQL while a graphql-ws subscription receives their events', async () => {
    t = await bootTestServer(onDisk);
    expect(readFileSync(join(dir, 'sandbox.token'), 'utf8').trim()).toBe(t.sandboxToken);
    const client = createClient({ url: `${t.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${t.sandboxToken}` } });
    const received: Array<{ position: number; type: string; streamId: string }> = [];
    const done = new Promise<void>((resolve, reject) => {
      const stop = client.subscribe<{ eventsAppended: { position: number; type: string; streamId: string } }>(
        { query: 'subscription { eventsAppended(streamPrefix: "cluster-") { position type streamId } }' },
        {
          next: ({ data: d }) => {
            received.push(d!.eventsAppended);
            if (received.length === 4) {
              stop();
              resolve();
            }
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((r) => setTimeout(r, 100));

    const cluster = data(await t.gql(CREATE_CLUSTER, { input: { name: 'e2e' } })).createCluster.cluster;
    const nodes = data(await t.gql(ADD_NODES, { input: { clusterId: cluster.id, count: 3 } })).addNodes.nodes;
    await done;
    await client.dispose();

    expect(nodes.map((n: { name: string }) => n.name)).toEqual(['172.0.0.2', '172.0.0.3', '172.0.0.4']);
    expect(received.map((e) => e.type)).toEqual(['ClusterCreated', 'NodeAdded', 'NodeAdded', 'NodeAdded']);
    expect(new Set(received.map((e) => e.streamId))).toEqual(new Set([`cluster-${cluster.id}`]));
    expect(received.map((e) => e.position)).toEqual([...received.map((e) => e.position)].sort((a, b) => a - b));
  });

  it('restarts on the same data dir and reads the same state, with the same sandbox token', async () => {
    const before = { clusters: await t.gql(CLUSTERS), cluster: await t.gql(CLUSTER, { id: data(await t.gql(CLUSTERS)).clusters.nodes[0].id }), events: await t.gql(EVENTS, { first: 500 }) };
    const token = t.sandboxToken;
    await t.close();

    t = await bootTestServer(onDisk);
    expect(t.sandboxToken).toBe(token);
    const id = data(before.clusters).clusters.nodes[0].id;
    expect(await t.gql(CLUSTERS)).toEqual(before.clusters);
    expect(await t.gql(CLUSTER, { id })).toEqual(before.cluster);
    expect(await t.gql(EVENTS, { first: 500 })).toEqual(before.events);
    const more = data(await t.gql(ADD_NODES, { input: { clusterId: id, count: 1 } })).addNodes.nodes;
    expect(more[0]).toMatchObject({ name: '172.0.0.5', hostIp: '10.172.1.4', podCidr: '10.0.3.0/24' });
  });

  it('`tkesim replay --verify` rebuilds the read models from zero and finds them equal to the snapshot', async () => {
    await t.close();
    expect(existsSync(join(process.cwd(), 'dist', 'src', 'cli', 'main.js'))).toBe(true);
    const run = spawnSync(process.execPath, [BIN, 'replay', '--verify', '--data-dir', dir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    expect(run.stderr).toMatch(/\[#+\] 100% \d+\/\d+ events/);
    expect(run.stdout).toMatch(/verified: rebuilding from zero equals the snapshot at position \d+/);
    expect(run.status).toBe(0);
    t = await bootTestServer(onDisk);
  });

  it('serves GraphiQL from local files only', async () => {
    const page = await (await fetch(`${t.url}/graphiql`)).text();
    const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    expect(sources.every((s) => s.startsWith('/graphiql/assets/'))).toBe(true);
    for (const source of sources) {
      const asset = await fetch(`${t.url}${source}`);
      expect([asset.status, (await asset.arrayBuffer()).byteLength > 1000]).toEqual([200, true]);
    }
    const missing = await fetch(`${t.url}/graphiql/assets/package.json`);
    expect([missing.status, ((await missing.json()) as { statusCode: number }).statusCode]).toEqual([404, 404]);
  });
});
