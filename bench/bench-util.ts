import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Database from 'better-sqlite3';
import { assertDurable, openEventLog } from '../src/platform/event-store/index.js';

/** Figure is one benchmark result, printed as one JSON line at the end of the run. */
export interface Figure {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  readonly ratio: number;
  readonly target: number;
}

/** REPEATS is how many measured trials each figure takes the median of (after one warm-up). */
export const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// A full collection before each timed section, so no trial pays for the garbage of the one before it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** timed collects garbage, then runs `fn` and returns its result with the elapsed wall time in seconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ result: T; seconds: number }> {
  collectGarbage();
  const start = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - start) / 1000 };
}

/** rate rounds a per-second figure to an integer. */
export const rate = (count: number, seconds: number): number => Math.round(count / seconds);

/** ratioOf rounds ours/baseline to three decimals. */
export const ratioOf = (ours: number, baseline: number): number => Math.round((ours / baseline) * 1000) / 1000;

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * openRawLog creates a log file with the production schema (by running the real migrations through
 * openEventLog), closes it, and reopens it with plain better-sqlite3 under the same pragmas.
 */
export async function openRawLog(path: string): Promise<Database.Database> {
  await (await openEventLog({ engine: 'sqlite', path })).close();
  return openRaw(path);
}

/** openRaw opens an existing log file with plain better-sqlite3: WAL, synchronous=FULL, checked. */
export function openRaw(path: string, options: Database.Options = {}): Database.Database {
  const db = new Database(path, options);
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON'); // TypeORM sets this on its connection too; no table has a foreign key.
    assertDurable(db, path);
  }
  return db;
}

/** jsonLine is the output contract: one JSON object per figure, nothing else on the line. */
export function jsonLine(f: Figure): string {
  return JSON.stringify({ bench: 'eventstore', figure: f.figure, value: f.value, unit: f.unit, baseline: f.baseline, ratio: f.ratio });
}
