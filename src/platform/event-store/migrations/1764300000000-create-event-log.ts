import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CreateEventLog1764300000000 creates the events, commands and snapshots tables. */
export class CreateEventLog1764300000000 implements MigrationInterface {
  name = 'CreateEventLog1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.options.type === 'postgres';
    const serial = postgres ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const json = postgres ? 'JSON' : 'TEXT';
    await runner.query(`CREATE TABLE events (
      position ${serial},
      stream_id TEXT NOT NULL,
      stream_version INTEGER NOT NULL,
      type TEXT NOT NULL,
      data ${json} NOT NULL,
      metadata ${json} NOT NULL,
      account_id TEXT NOT NULL
    )`);
    await runner.query('CREATE UNIQUE INDEX events_stream_version ON events (stream_id, stream_version)');
    await runner.query('CREATE INDEX events_account_position ON events (account_id, position)');
    await runner.query(`CREATE TABLE commands (
      command_id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL,
      type TEXT NOT NULL,
      idempotency_key TEXT,
      request_hash TEXT NOT NULL,
      payload ${json} NOT NULL,
      outcome ${json} NOT NULL,
      accepted INTEGER NOT NULL,
      wall_time TEXT NOT NULL,
      virtual_time TEXT NOT NULL
    )`);
    await runner.query('CREATE UNIQUE INDEX commands_idempotency_key ON commands (account_id, idempotency_key)');
    await runner.query(`CREATE TABLE snapshots (
      id ${serial},
      position BIGINT NOT NULL,
      projections_version TEXT NOT NULL,
      state TEXT NOT NULL,
      taken_at TEXT NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE snapshots');
    await runner.query('DROP TABLE commands');
    await runner.query('DROP TABLE events');
  }
}
