import { EventBus } from '@nestjs/cqrs';
import { EventAppended } from '../../../src/platform/commands/event-appended.js';
import { CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { bootTestServer, data, type TestServer } from '../../support/test-server.js';

describe('the @nestjs/cqrs EventBus', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await bootTestServer();
  });
  afterAll(() => t?.close());

  it('carries every committed event, in log order, once the read models have it', async () => {
    const seen: Array<{ type: string; position: number }> = [];
    const subscription = t.app.get(EventBus).subscribe((e) => {
      if (e instanceof EventAppended) seen.push({ type: e.event.type, position: e.event.position });
    });
    const id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'bus' } })).createCluster.cluster.id;
    subscription.unsubscribe();
    expect(seen.map((e) => e.type)).toEqual(['ClusterCreated', 'NameClaimed']);
    expect(seen[1].position).toBe(seen[0].position + 1);
    expect(id).toMatch(/^cls-/);
  });
});
