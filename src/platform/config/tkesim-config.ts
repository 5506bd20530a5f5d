import { resolve } from 'node:path';
import { systemWallClock, type WallClock } from '../../emulator/clock/index.js';
import type { DatabaseConfig, GroupCommitOptions } from '../event-store/index.js';

/** TKESIM_CONFIG is the Nest injection token of the TkesimConfig. */
export const TKESIM_CONFIG = Symbol('TKESIM_CONFIG');

/** TkesimConfig is everything a tkesim process is told at start-up. */
export interface TkesimConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly redisUrl?: string;
  /** sandboxToken, when set, is the sandbox account's token; otherwise one is kept in the data dir. */
  readonly sandboxToken?: string;
  readonly sandboxSeed?: string;
  readonly adminToken?: string;
  readonly snapshotEvery: number;
  readonly groupCommit: GroupCommitOptions;
  readonly limits: { readonly maxDepth: number; readonly maxCost: number };
  readonly wallClock: WallClock;
}

/** ConfigFlags are the command-line flags that override the environment. */
export interface ConfigFlags {
  port?: string | number;
  host?: string;
  dataDir?: string;
}

type Env = Record<string, string | undefined>;

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}: Invalid value: ${JSON.stringify(text)}: must be an integer between ${min} and ${max}`);
  }
  return value;
}

/** loadConfig reads the environment (PORT, TKESIM_DATA_DIR, DATABASE_URL, REDIS_URL, tokens) and flags. */
export function loadConfig(env: Env = process.env, flags: ConfigFlags = {}): TkesimConfig {
  const dataDir = resolve(flags.dataDir ?? env.TKESIM_DATA_DIR ?? 'data');
  const database: DatabaseConfig = env.DATABASE_URL
    ? { engine: 'postgres', url: env.DATABASE_URL, schema: env.TKESIM_DATABASE_SCHEMA || undefined }
    : { engine: 'sqlite', path: resolve(dataDir, 'tkesim.sqlite') };
  return {
    port: integer('PORT', flags.port === undefined ? env.PORT : String(flags.port), 4000, 0, 65535),
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    dataDir,
    database,
    redisUrl: env.REDIS_URL || undefined,
    sandboxToken: env.TKESIM_SANDBOX_TOKEN || undefined,
    sandboxSeed: env.TKESIM_SEED || undefined,
    adminToken: env.TKESIM_ADMIN_TOKEN || undefined,
    snapshotEvery: integer('TKESIM_SNAPSHOT_EVERY', env.TKESIM_SNAPSHOT_EVERY, 1000, 1, 10_000_000),
    groupCommit: {
      maxBatch: integer('TKESIM_GROUP_COMMIT_BATCH', env.TKESIM_GROUP_COMMIT_BATCH, 256, 1, 10_000),
      maxWaitMs: integer('TKESIM_GROUP_COMMIT_WAIT_MS', env.TKESIM_GROUP_COMMIT_WAIT_MS, 0, 0, 1_000),
    },
    limits: {
      maxDepth: integer('TKESIM_MAX_QUERY_DEPTH', env.TKESIM_MAX_QUERY_DEPTH, 12, 2, 100),
      maxCost: integer('TKESIM_MAX_QUERY_COST', env.TKESIM_MAX_QUERY_COST, 20_000, 10, 10_000_000),
    },
    wallClock: systemWallClock,
  };
}

/** testConfig is an in-memory configuration for medium and end-to-end tests. */
export function testConfig(overrides: Partial<TkesimConfig> = {}): TkesimConfig {
  return {
    ...loadConfig({}),
    port: 0,
    database: { engine: 'sqlite', path: ':memory:' },
    sandboxToken: 'tks_sandbox_test_token',
    adminToken: 'tks_admin_test_token',
    ...overrides,
  };
}
