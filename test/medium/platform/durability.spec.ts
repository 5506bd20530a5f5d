import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { assertDurable, openEventLog } from '../../../src/platform/event-store/index.js';

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

  it('refuses a connection that would not fsync every commit', () => {
    const db = new Database(join(dir, 'lax.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    expect(() => assertDurable(db, 'lax.sqlite')).toThrow('lax.sqlite: expected journal_mode=wal and synchronous=FULL (2), got wal and 1');
    db.close();
  });
});
