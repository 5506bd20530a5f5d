import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { bootTestServer, type TestServer } from '../../support/test-server.js';

describe('GraphQL depth and cost limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await bootTestServer({ limits: { maxDepth: 3, maxCost: 200 } });
  });
  afterAll(() => t?.close());

  it('rejects a query deeper than the limit before running it', async () => {
    const answer = await t.gql('{ clusters { nodes { nodes { conditions { type } } } } }');
    expect(answer.errors?.[0]).toMatchObject({ message: 'Query depth 5 exceeds the maximum of 3.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(answer.data).toBeUndefined();
  });

  it('rejects a query costlier than the limit before running it', async () => {
    const answer = await t.gql('{ events(first: 500) { nodes { type } } }');
    expect(answer.errors?.[0].message).toBe('Query cost 1001 exceeds the maximum of 200.');
  });

  it('applies the same limits to subscriptions', async () => {
    const strict = await bootTestServer({ limits: { maxDepth: 1, maxCost: 200 } });
    const client = createClient({ url: `${strict.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${strict.sandboxToken}` } });
    const error = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: 'subscription { eventsAppended { metadata { accountId } } }' }, { next: () => {}, error: resolve, complete: () => resolve(undefined) });
    });
    await client.dispose();
    await strict.close();
    expect(JSON.stringify(error)).toContain('Query depth 3 exceeds the maximum of 1.');
  });

  it('answers a subscription without a token with UNAUTHENTICATED', async () => {
    const client = createClient({ url: `${t.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket });
    const error = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: 'subscription { eventsAppended { type } }' }, { next: (v) => resolve(v), error: resolve, complete: () => {} });
    });
    await client.dispose();
    expect(JSON.stringify(error)).toContain('UNAUTHENTICATED');
  });
});
