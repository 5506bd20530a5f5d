import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import type { EventLogDriver } from './event-log.js';
import { migrations } from './migrations/index.js';
import { PostgresEventLog } from './postgres-event-log.js';
import { SqliteEventLog } from './sqlite-event-log.js';

/** DatabaseConfig: SQLite by default (a file, or ':memory:'), PostgreSQL when a URL is given. */
export type DatabaseConfig =
  | { readonly engine: 'sqlite'; readonly path: string }
  | { readonly engine: 'postgres'; readonly url: string; readonly schema?: string };

/** openEventLog connects, runs the migrations and checks durability settings, then returns the driver. */
export async function openEventLog(config: DatabaseConfig): Promise<EventLogDriver> {
  return config.engine === 'sqlite' ? openSqlite(config.path) : openPostgres(config.url, config.schema);
}

async function openSqlite(path: string): Promise<EventLogDriver> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: path,
    migrations,
    prepareDatabase: (db: BetterSqlite3.Database) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const db = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  if (path !== ':memory:') assertDurable(db, path);
  return new SqliteEventLog(db, async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  });
}

/** assertDurable refuses to start unless every commit reaches the disk through the write-ahead log. */
export function assertDurable(db: BetterSqlite3.Database, path: string): void {
  const journal = db.pragma('journal_mode', { simple: true });
  const synchronous = db.pragma('synchronous', { simple: true });
  if (journal !== 'wal' || synchronous !== 2) {
    throw new Error(`${path}: expected journal_mode=wal and synchronous=FULL (2), got ${journal} and ${synchronous}`);
  }
}

async function openPostgres(url: string, schema?: string): Promise<EventLogDriver> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations,
    schema,
    extra: { max: 8, ...(schema ? { options: `-c search_path=${schema}` } : {}) },
  });
  await dataSource.initialize();
  if (schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await dataSource.runMigrations({ transaction: 'each' });
  return new PostgresEventLog(dataSource);
}
