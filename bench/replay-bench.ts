import { statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { allProjections } from '../src/app.projections.js';
import type { ClustersState } from '../src/domains/cluster/index.js';
import { EventStore, openEventLog } from '../src/platform/event-store/index.js';
import { ProjectionEngine, replay } from '../src/platform/projections/index.js';
import { fmt, log, median, openRaw, rate, ratioOf, REPEATS, timed, type Figure } from './bench-util.js';
import { ACCOUNTS, generateLog } from './replay-log.js';

/** PAGE_SIZE is replay()'s default page, used by the baseline too. */
const PAGE_SIZE = 1_000;

interface RawRow {
  position: number;
  stream_id: string;
  stream_version: number;
  type: string;
  data: string;
  metadata: string;
}

/** replayTrial rebuilds every projection from zero through the real EventStore and ProjectionEngine. */
async function replayTrial(store: EventStore): Promise<{ events: number; seconds: number; clusters: number }> {
  const engine = new ProjectionEngine(allProjections);
  const { result: events, seconds } = await timed(() => replay(store, engine));
  const clusters = Object.keys(engine.state<ClustersState>('clusters').clusters).length;
  return { events, seconds, clusters };
}

/** rawTrial reads the same table with plain better-sqlite3, paged the same way, and parses both JSON columns. */
async function rawTrial(db: Database.Database): Promise<{ events: number; seconds: number }> {
  const page = db.prepare(
    'SELECT position, stream_id, stream_version, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  let checksum = 0;
  const { result: events, seconds } = await timed(() => {
    let after = 0;
    let count = 0;
    for (;;) {
      const rows = page.all(after, PAGE_SIZE) as RawRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const data = JSON.parse(row.data) as object;
        const metadata = JSON.parse(row.metadata) as { accountId: string };
        checksum += row.stream_version + metadata.accountId.length + (data ? 1 : 0);
      }
      after = rows[rows.length - 1].position;
      count += rows.length;
    }
    return count;
  });
  if (checksum === 0) throw new Error('raw read parsed nothing');
  return { events, seconds };
}

/** measureReplay: events/s folding a realistic log into all projections vs reading and parsing it raw. */
export async function measureReplay(dir: string): Promise<Figure> {
  const path = join(dir, 'replay.sqlite');
  const writer = new EventStore(await openEventLog({ engine: 'sqlite', path }), { maxBatch: 256, maxWaitMs: 0 });
  const generated = await timed(() => generateLog(writer));
  await writer.close();
  const raw = openRaw(path, { readonly: true });
  const mix = raw.prepare('SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC').all() as Array<{ type: string; n: number }>;
  const bytes = raw.prepare('SELECT SUM(LENGTH(data) + LENGTH(metadata)) FROM events').pluck().get() as number;
  log(`replay: generated ${fmt(generated.result)} events for ${ACCOUNTS} accounts in ${generated.seconds.toFixed(1)} s ` +
    `(${(statSync(path).size / 2 ** 20).toFixed(0)} MiB file, mean JSON ${Math.round(bytes / generated.result)} B/event)`);
  log(`replay: event mix ${mix.map((m) => `${m.type} ${fmt(m.n)}`).join(', ')}`);

  // A fresh connection, as a restart would open it.
  const store = new EventStore(await openEventLog({ engine: 'sqlite', path }), { maxBatch: 256, maxWaitMs: 0 });
  await replayTrial(store);
  await rawTrial(raw);
  log('replay: warmed up');
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 1; i <= REPEATS; i++) {
    // Alternate which side goes first, so drift in machine load does not favour one side.
    const early = i % 2 === 0 ? await rawTrial(raw) : undefined;
    const folded = await replayTrial(store);
    const read = early ?? (await rawTrial(raw));
    if (folded.events !== generated.result || read.events !== generated.result) {
      throw new Error(`replay read ${folded.events} events and raw ${read.events}; the log holds ${generated.result}`);
    }
    ours.push(rate(folded.events, folded.seconds));
    base.push(rate(read.events, read.seconds));
    log(`replay trial ${i}: projections ${fmt(ours[i - 1])} events/s (${folded.seconds.toFixed(2)} s, ${folded.clusters} live clusters) ` +
      `| raw read + JSON.parse ${fmt(base[i - 1])} events/s (${read.seconds.toFixed(2)} s) | ratio ${(ours[i - 1] / base[i - 1]).toFixed(3)}`);
  }
  raw.close();
  await store.close();
  const value = median(ours);
  const baseline = median(base);
  return { figure: 'replay events/s', value, unit: 'events/s', baseline, ratio: ratioOf(value, baseline), target: 0.5 };
}
