// Crash durability: a child process appends under load and reports each acknowledged position; we SIGKILL
// it at random moments, reopen the same SQLite file, and require 0 acknowledged events lost and
// PRAGMA integrity_check = ok. The child is dist/test/support/crash-writer.js (`npm run build` makes it).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const WRITER = fileURLToPath(new URL('../../dist/test/support/crash-writer.js', import.meta.url));
const MIN_CI_CYCLES = 20;
const MIN_TOTAL_ACKS = 1000;
const READY_TIMEOUT_MS = 15_000;

function cycleCount(): number {
  const requested = process.env.CRASH_CYCLES === undefined ? 20 : Number(process.env.CRASH_CYCLES);
  if (!Number.isInteger(requested) || requested < 1) throw new Error(`CRASH_CYCLES must be a positive integer`);
  return process.env.CI ? Math.max(MIN_CI_CYCLES, requested) : requested;
}

/** mulberry32 is a small seeded generator, so a failing run's kill delays can be reported. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ack {
  readonly position: number;
  readonly streamId: string;
  readonly streamVersion: number;
}

interface CycleResult {
  readonly acks: Ack[];
  readonly signal: NodeJS.Signals | null;
}

/** runCycle starts the writer, waits for `ready`, lets it run `runMs`, SIGKILLs it and returns its complete ack lines. */
function runCycle(file: string, tag: string, runMs: number): Promise<CycleResult> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [WRITER, file, tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    let readyTimer: NodeJS.Timeout | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    const onLine = (line: string) => {
      const ack = /^ack (\d+) (\S+) (\d+)$/.exec(line);
      if (ack) {
        acks.push({ position: Number(ack[1]), streamId: ack[2], streamVersion: Number(ack[3]) });
      } else if (line.startsWith('ready')) {
        clearTimeout(readyTimer);
        killTimer = setTimeout(kill, runMs);
      } else {
        stderr += `unexpected stdout line: ${line}\n`;
      }
    };
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!; // a partial last line is not an acknowledgement
      lines.forEach(onLine);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    readyTimer = setTimeout(() => {
      stderr += `no "ready" within ${READY_TIMEOUT_MS} ms\n`;
      kill();
    }, READY_TIMEOUT_MS);
    child.on('error', reject);
    // 'close' fires after stdout has ended: every ack written before the kill has been read by then.
    child.on('close', (code, signal) => {
      clearTimeout(readyTimer);
      clearTimeout(killTimer);
      if (!killed || signal !== 'SIGKILL' || stderr) {
        reject(new Error(`crash-writer ended with code ${code}, signal ${signal}, killed=${killed}:\n${stderr}`));
      } else {
        resolve({ acks, signal });
      }
    });
  });
}

/**
 * verify checks the file and every acknowledgement so far. It reads through a read-only connection, which
 * leaves the crashed writer's WAL in place: the next writer's production open must recover it.
 */
function verify(file: string, acknowledged: ReadonlyMap<number, Ack>): { events: number; lost: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT position, stream_id, stream_version FROM events').raw().all() as Array<
      [number, string, number]
    >;
    const stored = new Map(rows.map(([position, streamId, streamVersion]) => [position, `${streamId}@${streamVersion}`]));
    const lost: string[] = [];
    for (const ack of acknowledged.values()) {
      const found = stored.get(ack.position);
      const expected = `${ack.streamId}@${ack.streamVersion}`;
      if (found !== expected) lost.push(`position ${ack.position}: acknowledged ${expected}, found ${found ?? 'nothing'}`);
    }
    return { events: rows.length, lost };
  } finally {
    db.close();
  }
}

describe('crash durability of the SQLite event log', () => {
  let dir: string;

  beforeAll(() => {
    if (!existsSync(WRITER)) {
      throw new Error(`${WRITER} is missing: run \`npm run build\` first (npm test does it).`);
    }
    dir = mkdtempSync(join(tmpdir(), 'tkesim-crash-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged event across repeated SIGKILLs, and the file stays intact', async () => {
    const cycles = cycleCount();
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));
    const random = seeded(seed);
    const file = join(dir, 'events.sqlite');
    const acknowledged = new Map<number, Ack>();
    const streamVersions = new Set<string>();
    const started = Date.now();
    let cyclesWithAcks = 0;
    let events = 0;

    for (let cycle = 0; cycle < cycles; cycle++) {
      const runMs = 50 + Math.floor(random() * 351);
      const { acks } = await runCycle(file, `c${cycle}`, runMs);
      if (acks.length > 0) cyclesWithAcks++;
      for (const ack of acks) {
        const key = `${ack.streamId}@${ack.streamVersion}`;
        if (acknowledged.has(ack.position)) throw new Error(`position ${ack.position} acknowledged twice (seed ${seed})`);
        if (streamVersions.has(key)) throw new Error(`${key} acknowledged twice (seed ${seed})`);
        acknowledged.set(ack.position, ack);
        streamVersions.add(key);
      }
      const result = verify(file, acknowledged);
      if (result.lost.length > 0) {
        throw new Error(
          `cycle ${cycle + 1}/${cycles} (seed ${seed}, killed after ${runMs} ms): ${result.lost.length} of ` +
            `${acknowledged.size} acknowledged events lost, e.g.\n${result.lost.slice(0, 5).join('\n')}`,
        );
      }
      events = result.events;
    }
    // Finally fold the last crash's WAL into the database file, and check again.
    const db = new Database(file, { fileMustExist: true });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const final = verify(file, acknowledged);
    expect(final.lost).toEqual([]);
    expect(final.events).toBe(events);

    console.log(
      `crash test: ${cycles} cycles (${cyclesWithAcks} with acks), ${acknowledged.size} acknowledged events, ` +
        `${events} events in the file, 0 lost, integrity ok, ${Date.now() - started} ms (seed ${seed})`,
    );
    expect(acknowledged.size).toBeGreaterThan(MIN_TOTAL_ACKS);
    expect(cyclesWithAcks).toBeGreaterThanOrEqual(Math.ceil(cycles / 2));
    expect(events).toBeGreaterThanOrEqual(acknowledged.size);
  }, 60_000);
});
