import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { testDatabases } from '../../support/databases.js';
import { ADD_NODES, CLUSTER, CLUSTERS, CREATE_CLUSTER, EVENTS, REMOVE_NODE } from '../../support/cluster-operations.js';
import { bootTestServer, data, type GraphqlResponse, type TestServer } from '../../support/test-server.js';

const withoutId = (answer: GraphqlResponse, id: string): string => JSON.stringify(answer).split(id).join('<id>');

describe.each(testDatabases())('tenancy on $name', (database) => {
  let t: TestServer;
  let bob: string;
  let clients: Client[] = [];
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config() });
    bob = data(await t.gql(`mutation { createAccount(input: { name: "bob" }) { token } }`, {}, { token: t.adminToken })).createAccount.token;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.close();
    await database.drop();
  });

  it('answers account B about account A\'s cluster exactly as about a cluster that does not exist', async () => {
    const mine = data(await t.gql(CREATE_CLUSTER, { input: { name: 'private' } })).createCluster.cluster.id as string;
    const ghost = 'cls-00000000';
    const asBob = { token: bob };
    for (const [query, variables] of [
      [CLUSTER, (id: string) => ({ id })],
      [ADD_NODES, (id: string) => ({ input: { clusterId: id, count: 1 } })],
      [REMOVE_NODE, (id: string) => ({ input: { clusterId: id, nodeName: '172.0.0.2' } })],
      [`mutation ($id: ID!) { deleteCluster(input: { clusterId: $id }) { clusterId } }`, (id: string) => ({ id })],
    ] as const) {
      const theirs = await t.gql(query, variables(mine), asBob);
      const absent = await t.gql(query, variables(ghost), asBob);
      expect(theirs.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(withoutId(theirs, mine)).toBe(withoutId(absent, ghost));
    }
    expect(data(await t.gql(CLUSTERS, {}, asBob)).clusters).toEqual({ totalCount: 0, nodes: [] });
    expect(data(await t.gql(EVENTS, { prefix: `cluster-${mine}` }, asBob)).events.nodes).toEqual([]);
    expect(data(await t.gql(CLUSTER, { id: mine })).cluster.nodeCount).toBe(0);
  });

  it('does not deliver account A\'s events to account B\'s subscription', async () => {
    const mine = data(await t.gql(CREATE_CLUSTER, { input: { name: 'watched' } })).createCluster.cluster.id as string;
    const received = { sandbox: [] as string[], bob: [] as string[] };
    const subscribe = (token: string, into: string[]) => {
      const client = createClient({ url: t.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${token}` }, lazy: false });
      clients.push(client);
      return new Promise<void>((ready) => {
        client.on('connected', () => setTimeout(ready, 50));
        client.subscribe({ query: `subscription ($p: String) { eventsAppended(streamPrefix: $p) { type streamId } }`, variables: { p: `cluster-${mine}` } }, {
          next: (value) => into.push((value.data as any).eventsAppended.type),
          error: (error) => into.push(`error:${JSON.stringify(error)}`),
          complete: () => {},
        });
      });
    };
    await Promise.all([subscribe(t.sandboxToken, received.sandbox), subscribe(bob, received.bob)]);
    await t.gql(ADD_NODES, { input: { clusterId: mine, count: 2 } });
    await new Promise((r) => setTimeout(r, 200));
    expect(received.sandbox).toEqual(['NodeAdded', 'NodeAdded']);
    expect(received.bob).toEqual([]);
  });

  it('issues further tokens: for the caller\'s own account, or for any account with the admin token', async () => {
    const own = data(await t.gql(`mutation { createToken(input: { label: "laptop" }) { id account token } }`, {}, { token: bob })).createToken;
    expect(own).toMatchObject({ account: 'bob', id: expect.stringMatching(/^tok-/) });
    expect(data(await t.gql(`{ me { name tokens { id label } } }`, {}, { token: own.token })).me.tokens).toContainEqual({ id: own.id, label: 'laptop' });
    const byAdmin = data(await t.gql(`mutation { createToken(input: { account: "bob" }) { account token } }`, {}, { token: t.adminToken })).createToken;
    expect(data(await t.gql(`{ me { name } }`, {}, { token: byAdmin.token })).me.name).toBe('bob');
    const other = await t.gql(`mutation { createToken(input: { account: "sandbox" }) { token } }`, {}, { token: bob });
    const ghost = await t.gql(`mutation { createToken(input: { account: "ghost" }) { token } }`, {}, { token: bob });
    expect(other.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'input.account' });
    expect(withoutId(other, 'sandbox')).toBe(withoutId(ghost, 'ghost'));
  });

  it('rejects requests without a token or with a bad one as UNAUTHENTICATED, and admin-only work as FORBIDDEN', async () => {
    for (const token of [null, 'tks_not-a-token']) {
      expect((await t.gql(`{ me { name } }`, {}, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const forbidden = await t.gql(`mutation { createAccount(input: { name: "eve" }) { token } }`);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(data(await t.gql(`{ me { name } }`, {}, { token: bob })).me.name).toBe('bob');
  });
});
