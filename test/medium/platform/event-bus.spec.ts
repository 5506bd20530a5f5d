import { EventBus } from '@nestjs/cqrs';
import { EventAppended, ofEventType } from '../../../src/platform/commands/event-appended.js';
import { CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { bootTestServer, data, type TestServer } from '../../support/test-server.js';

describe('the @nestjs/cqrs EventBus', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await bootTestServer();
  });
  afterAll(() => t?.close());

  it('carries every committed event, in log order, once the read models have it, for sagas to pick by type', async () => {
    const seen: Array<{ type: string; position: number }> = [];
    const created: string[] = [];
    const saga = t.app
      .get(EventBus)
      .pipe(ofEventType('ClusterCreated'))
      .subscribe((e) => created.push((e.event.data as { clusterId: string }).clusterId));
    const subscription = t.app.get(EventBus).subscribe((e) => {
      if (e instanceof EventAppended) seen.push({ type: e.event.type, position: e.event.position });
    });
    const id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'bus' } })).createCluster.cluster.id;
    subscription.unsubscribe();
    saga.unsubscribe();
    expect(seen.map((e) => e.type)).toEqual(['ClusterCreated', 'NameClaimed']);
    expect(created).toEqual([id]);
    expect(seen[1].position).toBe(seen[0].position + 1);
    expect(id).toMatch(/^cls-/);
  });
});
