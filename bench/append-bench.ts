import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EventStore, openEventLog } from '../src/platform/event-store/index.js';
import type { EventMetadata } from '../src/platform/kernel/events.js';
import { fmt, log, median, openRawLog, rate, ratioOf, REPEATS, timed, type Figure } from './bench-util.js';

/** WRITERS is the number of concurrent writers, each appending to its own stream. */
export const WRITERS = 64;
const PER_WRITER = Number(process.env.BENCH_APPENDS_PER_WRITER ?? 800); // 64 x 800 = 51,200 appends per trial
const WARM_UP_PER_WRITER = 200;
const START = Date.parse('2026-11-28T00:00:00.000Z');

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** tick is one append's event data (a ~200-byte node heartbeat) and full metadata, as a command writes them. */
export function tick(writer: number, version: number): { data: Record<string, unknown>; metadata: EventMetadata } {
  const commandId = randomUUID();
  const at = new Date(START + version * 1000).toISOString();
  return {
    data: {
      clusterId: `cls-${hex8(writer)}`,
      node: `172.0.${writer}.${(version % 250) + 2}`,
      instanceId: `ins-${hex8(writer * 65_536 + version)}`,
      phase: 'Running',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
      heartbeat: version,
      at,
    },
    metadata: {
      accountId: `acct-${writer % 8}`,
      actor: `token:tok-${hex8(writer % 8)}`,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      wallTime: new Date().toISOString(),
      virtualTime: at,
      randomDraws: version * 8,
    },
  };
}

async function writer(store: EventStore, w: number, appends: number): Promise<void> {
  let version = 0;
  for (let i = 0; i < appends; i++) {
    const { data, metadata } = tick(w, version + 1);
    const written = await store.append({
      streams: [{ streamId: `bench-${w}`, expectedVersion: version, events: [{ type: 'Ticked', data }] }],
      metadata,
    });
    if (written.status !== 'committed') throw new Error(`bench-${w}: unexpected ${written.status}`);
    version = written.events[written.events.length - 1].streamVersion;
  }
}

/** storeTrial: WRITERS concurrent writers append through the real EventStore; commits counted via onCommitted. */
async function storeTrial(path: string, perWriter: number): Promise<{ seconds: number; commits: number }> {
  const store = new EventStore(await openEventLog({ engine: 'sqlite', path }), { maxBatch: 256, maxWaitMs: 0 });
  let commits = 0;
  store.onCommitted(() => commits++);
  const { seconds } = await timed(() => Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(store, w, perWriter))));
  await store.close();
  return { seconds, commits };
}

/** rawTrial inserts the same rows with plain better-sqlite3, `batch` rows per fsynced transaction. */
async function rawTrial(path: string, perWriter: number, batch: number): Promise<number> {
  const db = await openRawLog(path);
  const insert = db.prepare(
    'INSERT INTO events (stream_id, stream_version, type, data, metadata, account_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  type Row = { streamId: string; version: number } & ReturnType<typeof tick>;
  const commit = db.transaction((rows: Row[]) => {
    for (const r of rows) {
      insert.run(r.streamId, r.version, 'Ticked', JSON.stringify(r.data), JSON.stringify(r.metadata), r.metadata.accountId);
    }
  });
  const total = WRITERS * perWriter;
  const { seconds } = await timed(() => {
    for (let done = 0; done < total; ) {
      const rows: Row[] = [];
      for (; rows.length < batch && done < total; done++) {
        const w = done % WRITERS;
        const version = Math.floor(done / WRITERS) + 1;
        rows.push({ streamId: `bench-${w}`, version, ...tick(w, version) });
      }
      commit(rows);
    }
  });
  db.close();
  return seconds;
}

/** measureAppends: durable appends/s through the EventStore vs raw inserts in transactions of the observed batch size. */
export async function measureAppends(dir: string): Promise<Figure> {
  const sample = tick(7, 123);
  log(`appends: ${WRITERS} writers x ${PER_WRITER} appends per trial; event data ${JSON.stringify(sample.data).length} B, ` +
    `metadata ${JSON.stringify(sample.metadata).length} B`);
  const warm = await storeTrial(join(dir, 'append-warm-store.sqlite'), WARM_UP_PER_WRITER);
  // The baseline's transaction size is the mean group-commit batch last observed (the warm-up's, at first).
  let batch = Math.round((WRITERS * WARM_UP_PER_WRITER) / warm.commits);
  await rawTrial(join(dir, 'append-warm-raw.sqlite'), WARM_UP_PER_WRITER, batch);
  log('appends: warmed up');
  const total = WRITERS * PER_WRITER;
  const ours: number[] = [];
  const raw: number[] = [];
  for (let i = 1; i <= REPEATS; i++) {
    // Alternate which side goes first, so drift in disk or machine load does not favour one side.
    const rawFirst = i % 2 === 0;
    const rawBatch = batch;
    let rawSeconds = rawFirst ? await rawTrial(join(dir, `append-raw-${i}.sqlite`), PER_WRITER, rawBatch) : undefined;
    const store = await storeTrial(join(dir, `append-store-${i}.sqlite`), PER_WRITER);
    batch = Math.round(total / store.commits);
    rawSeconds ??= await rawTrial(join(dir, `append-raw-${i}.sqlite`), PER_WRITER, batch);
    ours.push(rate(total, store.seconds));
    raw.push(rate(total, rawSeconds));
    log(`appends trial ${i}: EventStore ${fmt(ours[i - 1])} appends/s (${store.commits} commits, mean batch ` +
      `${(total / store.commits).toFixed(1)}) | raw better-sqlite3 ${fmt(raw[i - 1])} rows/s ` +
      `(${rawFirst ? rawBatch : batch} rows/transaction) | ratio ${(ours[i - 1] / raw[i - 1]).toFixed(3)}`);
  }
  const value = median(ours);
  const baseline = median(raw);
  return {
    figure: `durable appends/s (${WRITERS} writers, group commit)`,
    value,
    unit: 'appends/s',
    baseline,
    ratio: ratioOf(value, baseline),
    target: 0.8,
  };
}
