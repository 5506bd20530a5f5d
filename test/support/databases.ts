import pg from 'pg';
import type { DatabaseConfig } from '../../src/platform/event-store/index.js';

/** TestDatabase is a fresh, empty database for one test suite, and a way to drop it. */
export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  config(): Promise<DatabaseConfig>;
  drop(): Promise<void>;
}

const created: string[] = [];

function postgres(url: string): TestDatabase {
  return {
    name: 'postgres',
    async config() {
      const schema = `t_${process.pid}_${created.length}_${Math.floor(Math.random() * 1e9)}`;
      created.push(schema);
      return { engine: 'postgres', url, schema };
    },
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (const schema of created.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  config: async () => ({ engine: 'sqlite', path: ':memory:' }),
  drop: async () => {},
};

/** testDatabases is SQLite :memory: always, and PostgreSQL when DATABASE_URL is set (CI sets it). */
export function testDatabases(): TestDatabase[] {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.warn('PostgreSQL tests skipped: DATABASE_URL is not set (.ci/run sets it).');
    return [sqlite];
  }
  return [sqlite, postgres(url)];
}
