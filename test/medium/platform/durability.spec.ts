import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { assertDurable, EventStore, openEventLog } from '../../../src/platform/event-store/index.js';
import type { EventMetadata } from '../../../src/platform/kernel/index.js';

describe('SQLite durability settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-durable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the log in WAL mode with synchronous=FULL', async () => {
    const path = join(dir, 'log.sqlite');
    const log = await openEventLog({ engine: 'sqlite', path });
    await log.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('notices appends another connection made to the same file', async () => {
    const path = join(dir, 'shared.sqlite');
    const [a, b] = [new EventStore(await openEventLog({ engine: 'sqlite', path })), new EventStore(await openEventLog({ engine: 'sqlite', path }))];
    const append = (store: EventStore, expectedVersion: number) =>
      store.append({ streams: [{ streamId: 's', expectedVersion, events: [{ type: 'X', data: {} }] }], metadata: { accountId: 'a' } as EventMetadata });
    await append(a, 0);
    await append(b, 1);
    await expect(append(a, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(append(a, 2)).resolves.toMatchObject({ status: 'committed' });
    await a.close();
    await b.close();
  });

  it('refuses a connection that would not fsync every commit', () => {
    const db = new Database(join(dir, 'lax.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    expect(() => assertDurable(db, 'lax.sqlite')).toThrow('lax.sqlite: expected journal_mode=wal and synchronous=FULL (2), got wal and 1');
    db.close();
  });
});
