import type { EventMetadata, StoredEvent } from '../kernel/events.js';
import type { EventRow, RequestPlan } from './batch-plan.js';
import type { BatchResult, CommandLogEntry, CommandOutcome, LoggedCommand } from './event-log.js';

/** EventRecord is an events-table row as drivers read it (JSON columns as text or already parsed). */
export interface EventRecord {
  position: number | string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: string | unknown;
  metadata: string | EventMetadata;
}

const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export function toStoredEvent(row: EventRecord): StoredEvent {
  return {
    position: Number(row.position),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    data: parsed(row.data),
    metadata: parsed<EventMetadata>(row.metadata),
  };
}

/** toLoggedCommand reads a commands-table row. */
export function toLoggedCommand(row: { request_hash: string; outcome: string | CommandOutcome }): LoggedCommand {
  return { requestHash: row.request_hash, outcome: parsed<CommandOutcome>(row.outcome) };
}

/** commandColumns is a command log entry as the commands table stores it. */
export function commandColumns(c: CommandLogEntry): unknown[] {
  return [
    c.commandId,
    c.accountId,
    c.type,
    c.idempotencyKey ?? null,
    c.requestHash,
    JSON.stringify(c.payload),
    JSON.stringify(c.outcome),
    c.outcome.ok ? 1 : 0,
    c.wallTime,
    c.virtualTime,
  ];
}

/** storedFromRow rebuilds the stored event from the row just written, without re-parsing its JSON. */
export function storedFromRow(row: EventRow, position: number, data: unknown, metadata: EventMetadata): StoredEvent {
  return { position, streamId: row.streamId, streamVersion: row.streamVersion, type: row.type, data, metadata };
}

/** resultsOf turns plans plus the positions written into per-request results. */
export function resultsOf(
  plans: readonly RequestPlan[],
  requests: ReadonlyArray<{ streams: ReadonlyArray<{ events: ReadonlyArray<{ data: unknown }> }>; metadata: EventMetadata }>,
  positions: readonly number[],
): BatchResult {
  let next = 0;
  return plans.map((plan, i) => {
    if (plan.kind === 'reject') return plan.error;
    if (plan.kind === 'duplicate') return { status: 'duplicate', outcome: plan.outcome };
    const datas = requests[i].streams.flatMap((s) => s.events.map((e) => e.data));
    const events = plan.rows.map((row, j) => storedFromRow(row, positions[next++], datas[j], requests[i].metadata));
    return { status: 'committed', events };
  });
}

/** likePrefix escapes a stream prefix for `LIKE ... ESCAPE '\'`. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
