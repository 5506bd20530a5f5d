// crash-writer: a child process for the crash-durability test (test/e2e/crash.e2e.spec.ts).
//
//   node dist/test/support/crash-writer.js <sqlite-file> [tag] [writers]
//
// It opens the event log with the production settings (migrations, WAL, synchronous=FULL), prints `ready`,
// then has `writers` concurrent writers append to their own streams forever. Only after an append has
// resolved does it print, for each committed event, `ack <position> <streamId> <streamVersion>`.
// The test SIGKILLs it at a random moment; every acknowledged event must survive.
import { randomUUID } from 'node:crypto';
import { EventStore, openEventLog, type WriteRequest } from '../../src/platform/event-store/index.js';
import type { EventMetadata } from '../../src/platform/kernel/events.js';

const [path, tag = `p${process.pid}-${Date.now().toString(36)}`, writersArg = '32'] = process.argv.slice(2);
const WRITERS = Number(writersArg);
/** A parent that died without killing us must not leave us appending for ever. */
const MAX_LIFETIME_MS = 120_000;

function fail(error: unknown): never {
  process.stderr.write(`crash-writer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

function metadata(writer: number, sequence: number): EventMetadata {
  const commandId = randomUUID();
  const now = new Date().toISOString();
  return {
    accountId: `crash-${writer % 4}`,
    actor: `crash-writer/${tag}/${writer}`,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    wallTime: now,
    virtualTime: now,
    randomDraws: sequence,
  };
}

function request(streamId: string, writer: number, version: number, sequence: number): WriteRequest {
  const count = 1 + (sequence % 3);
  return {
    streams: [
      {
        streamId,
        expectedVersion: version,
        events: Array.from({ length: count }, (_, i) => ({
          type: 'CrashTestTicked',
          data: { writer, sequence, index: i, padding: 'x'.repeat(64 + ((sequence * 37 + i) % 192)) },
        })),
      },
    ],
    metadata: metadata(writer, sequence),
  };
}

/** writer appends to its own stream until the process dies, acknowledging only what has committed. */
async function writer(store: EventStore, id: number): Promise<void> {
  const streamId = `crash-${tag}-w${id}`;
  let version = 0;
  for (let sequence = 0; ; sequence++) {
    const result = await store.append(request(streamId, id, version, sequence));
    if (result.status !== 'committed') throw new Error(`${streamId}: unexpected ${result.status} result`);
    let lines = '';
    for (const event of result.events) {
      if (event.streamId !== streamId || event.streamVersion !== version + 1) {
        throw new Error(`${streamId}: expected version ${version + 1}, committed ${event.streamId}@${event.streamVersion}`);
      }
      version = event.streamVersion;
      lines += `ack ${event.position} ${event.streamId} ${event.streamVersion}\n`;
    }
    process.stdout.write(lines);
  }
}

async function main(): Promise<void> {
  if (!path) fail('usage: crash-writer <sqlite-file> [tag] [writers]');
  if (!Number.isInteger(WRITERS) || WRITERS < 1) fail(`writers must be a positive integer, got ${writersArg}`);
  setTimeout(() => process.exit(2), MAX_LIFETIME_MS);
  process.stdout.on('error', () => process.exit(0)); // the parent went away: EPIPE
  const store = new EventStore(await openEventLog({ engine: 'sqlite', path }));
  process.stdout.write(`ready ${await store.driver.lastPosition()}\n`);
  await Promise.all(Array.from({ length: WRITERS }, (_, id) => writer(store, id)));
}

main().catch(fail);
