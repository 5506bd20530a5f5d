import type { DomainError } from '../../../src/platform/kernel/index.js';
import type { EventMetadata } from '../../../src/platform/kernel/index.js';
import { EventStore, openEventLog, type WriteRequest } from '../../../src/platform/event-store/index.js';
import { testDatabases } from '../../support/databases.js';

const metadata = (commandId: string): EventMetadata => ({
  accountId: 'acme',
  actor: 'test',
  commandId,
  correlationId: commandId,
  causationId: commandId,
  wallTime: '2017-06-01T00:00:00.000Z',
  virtualTime: '2017-06-01T00:00:00.000Z',
});

const appendTo = (streamId: string, expectedVersion: number, n: number, commandId = `c-${streamId}-${expectedVersion}`): WriteRequest => ({
  streams: [{ streamId, expectedVersion, events: Array.from({ length: n }, (_, i) => ({ type: 'Ticked', data: { i } })) }],
  metadata: metadata(commandId),
});

describe.each(testDatabases())('event store on $name', (database) => {
  let store: EventStore;

  beforeEach(async () => {
    store = new EventStore(await openEventLog(await database.config()));
  });
  afterEach(async () => {
    await store.close();
  });
  afterAll(() => database.drop());

  it('appends with stream versions and global positions, and reads them back in order', async () => {
    const first = await store.append(appendTo('s-1', 0, 2));
    const second = await store.append(appendTo('s-2', 0, 1));
    expect(first.status === 'committed' && first.events.map((e) => [e.streamVersion, e.position])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(second.status === 'committed' && second.events[0].position).toBe(3);
    expect((await store.readStream('s-1')).map((e) => e.data)).toEqual([{ i: 0 }, { i: 1 }]);
    expect((await store.readAll(1, 10)).map((e) => e.streamId)).toEqual(['s-1', 's-2']);
  });

  it('lets exactly 1 of 50 concurrent appends with the same expected version through; 49 get CONFLICT', async () => {
    await store.append(appendTo('race', 0, 1));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => store.append(appendTo('race', 1, 1, `racer-${i}`))),
    );
    const rejected = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(rejected).toHaveLength(49);
    expect(new Set(rejected.map((r) => (r.reason as DomainError).code))).toEqual(new Set(['CONFLICT']));
    expect(await store.readStream('race')).toHaveLength(2);
  });

  it('commits all the streams of one request, or none of them', async () => {
    await store.append(appendTo('b', 0, 1));
    const both: WriteRequest = {
      streams: [
        { streamId: 'a', expectedVersion: 0, events: [{ type: 'X', data: {} }] },
        { streamId: 'b', expectedVersion: 0, events: [{ type: 'X', data: {} }] },
      ],
      metadata: metadata('both'),
    };
    await expect(store.append(both)).rejects.toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(await store.readStream('a')).toEqual([]);
  });

  it('returns the first outcome to a retry with the same idempotency key and writes nothing more', async () => {
    const request = (commandId: string): WriteRequest => ({
      ...appendTo('idem', 'any' as unknown as number, 1, commandId),
      command: {
        commandId,
        accountId: 'acme',
        type: 'Tick',
        idempotencyKey: 'key-1',
        requestHash: 'h',
        payload: {},
        wallTime: 'w',
        virtualTime: 'v',
        outcome: { ok: true, result: { first: commandId } },
      },
    });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(request(`cmd-${i}`))));
    expect(results.filter((r) => r.status === 'committed')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate').map((r) => r.status === 'duplicate' && r.outcome)).toEqual(
      Array(19).fill({ ok: true, result: { first: 'cmd-0' } }),
    );
    expect(await store.readStream('idem')).toHaveLength(1);
  });

  it('feeds committed events to listeners in log order', async () => {
    const seen: number[] = [];
    store.onCommitted((events) => seen.push(...events.map((e) => e.position)));
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.append(appendTo(`feed-${i}`, 0, 2))));
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('filters one account\'s events by stream prefix, treating % and _ literally', async () => {
    await store.append(appendTo('cluster-a', 0, 1));
    await store.append(appendTo('cluster_b', 0, 1));
    await store.append({ ...appendTo('cluster-c', 0, 1), metadata: { ...metadata('other'), accountId: 'other' } });
    const events = await store.readAccount({ accountId: 'acme', streamPrefix: 'cluster-', after: 0, limit: 10 });
    expect(events.map((e) => e.streamId)).toEqual(['cluster-a']);
  });
});
