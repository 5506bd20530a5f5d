/**
 * Event store benchmark: durable group-committed appends and full projection replay, each against a raw
 * better-sqlite3 baseline measured in the same run on the same machine. See docs/benchmarks.md.
 *
 *   npm run bench:eventstore
 *
 * Prints progress and a summary, then exactly one JSON line per figure. Exits 0 even when a ratio
 * misses its target (it says so on a "below target" line); non-zero only if the benchmark itself fails.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureAppends } from './append-bench.js';
import { fmt, jsonLine, log, REPEATS, type Figure } from './bench-util.js';
import { measureReplay } from './replay-bench.js';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-bench-'));
  log(`eventstore bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), files in ${dir}`);
  log(`SQLite with journal_mode=WAL, synchronous=FULL; one warm-up, then the median of ${REPEATS} trials per figure`);
  const figures: Figure[] = [];
  try {
    figures.push(await measureAppends(dir));
    figures.push(await measureReplay(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log('');
  log('summary:');
  for (const f of figures) {
    log(`  ${f.figure}: ${fmt(f.value)} ${f.unit}; baseline ${fmt(f.baseline)}; ratio ${f.ratio.toFixed(3)} (target >= ${f.target})`);
  }
  for (const f of figures.filter((x) => x.ratio < x.target)) {
    log(`BELOW TARGET: ${f.figure} ratio ${f.ratio.toFixed(3)} < ${f.target}`);
  }
  for (const f of figures) log(jsonLine(f));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
