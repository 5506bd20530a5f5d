import type { DataSource, QueryRunner } from 'typeorm';
import type { StoredEvent } from '../kernel/events.js';
import { planBatch, type EventRow } from './batch-plan.js';
import type { AccountEventsQuery, BatchResult, EventLogDriver, LoggedCommand, Snapshot, WriteRequest } from './event-log.js';
import { commandColumns, likePrefix, resultsOf, toLoggedCommand, toStoredEvent, type EventRecord } from './event-rows.js';

const EVENT_COLUMNS = 'position, stream_id, stream_version, type, data, metadata';
/** WRITER_LOCK serialises writers across tkesim instances, so positions become visible in order. */
const WRITER_LOCK = 0x746b65; // "tke"

/** PostgresEventLog keeps the log in PostgreSQL; a batch is four round trips inside one transaction. */
export class PostgresEventLog implements EventLogDriver {
  readonly engine = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async commitBatch(requests: readonly WriteRequest[]): Promise<BatchResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
      const lookups = await this.lookups(runner, requests);
      const plans = planBatch(requests, lookups);
      const rows = plans.flatMap((p) => (p.kind === 'write' ? p.rows : []));
      const positions = await this.insertEvents(runner, rows);
      const commands = plans.flatMap((p) => (p.kind === 'write' && p.command ? [p.command] : []));
      for (const command of commands) {
        await runner.query(
          `INSERT INTO commands (command_id, account_id, type, idempotency_key, request_hash, payload, outcome, accepted, wall_time, virtual_time)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          commandColumns(command),
        );
      }
      await runner.commitTransaction();
      return resultsOf(plans, requests, positions);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  async readStream(streamId: string, afterVersion: number): Promise<StoredEvent[]> {
    const rows: EventRecord[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
      [streamId, afterVersion],
    );
    return rows.map(toStoredEvent);
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    const rows: EventRecord[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
      [afterPosition, limit],
    );
    return rows.map(toStoredEvent);
  }

  async readAccount(q: AccountEventsQuery): Promise<StoredEvent[]> {
    const rows: EventRecord[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE account_id = $1 AND stream_id LIKE $2 ESCAPE '\\' AND position > $3
       ORDER BY position LIMIT $4`,
      [q.accountId, likePrefix(q.streamPrefix), q.after, q.limit],
    );
    return rows.map(toStoredEvent);
  }

  async findCommand(accountId: string, key: string): Promise<LoggedCommand | undefined> {
    const rows = await this.dataSource.query(
      'SELECT request_hash, outcome FROM commands WHERE account_id = $1 AND idempotency_key = $2',
      [accountId, key],
    );
    return rows[0] && toLoggedCommand(rows[0]);
  }

  async lastPosition(): Promise<number> {
    const rows = await this.dataSource.query('SELECT COALESCE(MAX(position), 0) AS p FROM events');
    return Number(rows[0].p);
  }

  async saveSnapshot(s: Snapshot, takenAt: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO snapshots (position, projections_version, state, taken_at) VALUES ($1, $2, $3, $4)', [
        s.position,
        s.projectionsVersion,
        s.state,
        takenAt,
      ]);
      await manager.query('DELETE FROM snapshots WHERE id NOT IN (SELECT id FROM snapshots ORDER BY id DESC LIMIT 2)');
    });
  }

  async latestSnapshot(): Promise<Snapshot | undefined> {
    const rows = await this.dataSource.query(
      'SELECT position, projections_version, state FROM snapshots ORDER BY id DESC LIMIT 1',
    );
    const row = rows[0];
    return row && { position: Number(row.position), projectionsVersion: row.projections_version, state: row.state };
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async lookups(runner: QueryRunner, requests: readonly WriteRequest[]) {
    const streamIds = [...new Set(requests.flatMap((r) => r.streams.map((s) => s.streamId)))];
    const keys = requests.flatMap((r) => (r.command?.idempotencyKey ? [r.command.idempotencyKey] : []));
    const versions = new Map<string, number>();
    if (streamIds.length > 0) {
      const rows = await runner.query(
        'SELECT stream_id, MAX(stream_version) AS v FROM events WHERE stream_id = ANY($1) GROUP BY stream_id',
        [streamIds],
      );
      for (const row of rows) versions.set(row.stream_id, Number(row.v));
    }
    const commands = new Map<string, LoggedCommand>();
    if (keys.length > 0) {
      const rows = await runner.query(
        'SELECT account_id, idempotency_key, request_hash, outcome FROM commands WHERE idempotency_key = ANY($1)',
        [keys],
      );
      for (const row of rows) commands.set(`${row.account_id}\u0000${row.idempotency_key}`, toLoggedCommand(row));
    }
    return {
      streamVersion: (id: string) => versions.get(id) ?? 0,
      command: (accountId: string, key: string) => commands.get(`${accountId}\u0000${key}`),
    };
  }

  private async insertEvents(runner: QueryRunner, rows: readonly EventRow[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const inserted: Array<{ position: string; stream_id: string; stream_version: number }> = await runner.query(
      `INSERT INTO events (stream_id, stream_version, type, data, metadata, account_id)
       SELECT s, v, t, d::json, m::json, a FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
         WITH ORDINALITY AS u(s, v, t, d, m, a, n) ORDER BY n
       RETURNING position, stream_id, stream_version`,
      [
        rows.map((r) => r.streamId),
        rows.map((r) => r.streamVersion),
        rows.map((r) => r.type),
        rows.map((r) => r.data),
        rows.map((r) => r.metadata),
        rows.map((r) => r.accountId),
      ],
    );
    const byKey = new Map(inserted.map((r) => [`${r.stream_id}\u0000${r.stream_version}`, Number(r.position)]));
    return rows.map((r) => byKey.get(`${r.streamId}\u0000${r.streamVersion}`)!);
  }
}
