import type BetterSqlite3 from 'better-sqlite3';
import type { StoredEvent } from '../kernel/events.js';
import { planBatch } from './batch-plan.js';
import type { AccountEventsQuery, BatchResult, EventLogDriver, LoggedCommand, Snapshot, WriteRequest } from './event-log.js';
import { commandColumns, likePrefix, resultsOf, toLoggedCommand, toStoredEvent, type EventRecord } from './event-rows.js';

const EVENT_COLUMNS = 'position, stream_id, stream_version, type, data, metadata';

/** SqliteEventLog keeps the log in one SQLite file through better-sqlite3's synchronous API. */
export class SqliteEventLog implements EventLogDriver {
  readonly engine = 'sqlite' as const;
  private readonly statements;
  private readonly writeBatch: BetterSqlite3.Transaction<(requests: readonly WriteRequest[]) => BatchResult>;
  /** versions caches stream versions this connection committed; another connection's commit clears it. */
  private readonly versions = new Map<string, number>();
  private dataVersion = -1;

  constructor(private readonly db: BetterSqlite3.Database, private readonly closeConnection: () => Promise<void>) {
    this.statements = {
      version: db.prepare('SELECT MAX(stream_version) AS v FROM events WHERE stream_id = ?').pluck(),
      command: db.prepare('SELECT request_hash, outcome FROM commands WHERE account_id = ? AND idempotency_key = ?'),
      insertEvent: db.prepare(
        'INSERT INTO events (stream_id, stream_version, type, data, metadata, account_id) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertCommand: db.prepare(
        `INSERT INTO commands (command_id, account_id, type, idempotency_key, request_hash, payload, outcome, accepted, wall_time, virtual_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      stream: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version > ? ORDER BY stream_version`),
      all: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      account: db.prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE account_id = ? AND stream_id LIKE ? ESCAPE '\\' AND position > ?
         ORDER BY position LIMIT ?`,
      ),
      last: db.prepare('SELECT COALESCE(MAX(position), 0) FROM events').pluck(),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      saveSnapshot: db.prepare('INSERT INTO snapshots (position, projections_version, state, taken_at) VALUES (?, ?, ?, ?)'),
      pruneSnapshots: db.prepare('DELETE FROM snapshots WHERE id NOT IN (SELECT id FROM snapshots ORDER BY id DESC LIMIT 2)'),
      latestSnapshot: db.prepare('SELECT position, projections_version, state FROM snapshots ORDER BY id DESC LIMIT 1'),
    };
    this.writeBatch = db.transaction((requests: readonly WriteRequest[]) => this.write(requests));
  }

  async commitBatch(requests: readonly WriteRequest[]): Promise<BatchResult> {
    try {
      // IMMEDIATE takes the write lock first, so no other connection commits while the cache is trusted.
      return this.writeBatch.immediate(requests);
    } catch (error) {
      this.versions.clear();
      throw error;
    }
  }

  async readStream(streamId: string, afterVersion: number): Promise<StoredEvent[]> {
    return (this.statements.stream.all(streamId, afterVersion) as EventRecord[]).map(toStoredEvent);
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    return (this.statements.all.all(afterPosition, limit) as EventRecord[]).map(toStoredEvent);
  }

  async readAccount(q: AccountEventsQuery): Promise<StoredEvent[]> {
    const rows = this.statements.account.all(q.accountId, likePrefix(q.streamPrefix), q.after, q.limit) as EventRecord[];
    return rows.map(toStoredEvent);
  }

  async findCommand(accountId: string, key: string): Promise<LoggedCommand | undefined> {
    const row = this.statements.command.get(accountId, key) as { request_hash: string; outcome: string } | undefined;
    return row && toLoggedCommand(row);
  }

  async lastPosition(): Promise<number> {
    return this.statements.last.get() as number;
  }

  async saveSnapshot(s: Snapshot, takenAt: string): Promise<void> {
    this.db.transaction(() => {
      this.statements.saveSnapshot.run(s.position, s.projectionsVersion, s.state, takenAt);
      this.statements.pruneSnapshots.run();
    })();
  }

  async latestSnapshot(): Promise<Snapshot | undefined> {
    const row = this.statements.latestSnapshot.get() as
      | { position: number; projections_version: string; state: string }
      | undefined;
    return row && { position: row.position, projectionsVersion: row.projections_version, state: row.state };
  }

  close(): Promise<void> {
    return this.closeConnection();
  }

  private write(requests: readonly WriteRequest[]): BatchResult {
    const dataVersion = this.statements.dataVersion.get() as number;
    if (dataVersion !== this.dataVersion) this.versions.clear();
    this.dataVersion = dataVersion;
    const plans = planBatch(requests, {
      streamVersion: (id) => this.versions.get(id) ?? (this.statements.version.get(id) as number | null) ?? 0,
      command: (accountId, key) => {
        const row = this.statements.command.get(accountId, key) as { request_hash: string; outcome: string } | undefined;
        return row && toLoggedCommand(row);
      },
    });
    const positions: number[] = [];
    for (const plan of plans) {
      if (plan.kind !== 'write') continue;
      for (const r of plan.rows) {
        const info = this.statements.insertEvent.run(r.streamId, r.streamVersion, r.type, r.data, r.metadata, r.accountId);
        positions.push(Number(info.lastInsertRowid));
        this.versions.set(r.streamId, r.streamVersion);
      }
      if (plan.command) this.statements.insertCommand.run(...commandColumns(plan.command));
    }
    return resultsOf(plans, requests, positions);
  }
}
