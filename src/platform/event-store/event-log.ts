import type { DomainError } from '../kernel/domain-error.js';
import type { DomainEvent, EventMetadata, StoredEvent } from '../kernel/events.js';

/** ExpectedVersion is the stream version a writer read (0 = the stream must not exist yet), or 'any'. */
export type ExpectedVersion = number | 'any';

/** StreamAppend is the events one command adds to one stream. */
export interface StreamAppend {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly DomainEvent[];
}

/** CommandOutcome is what a command returned, kept so a retry with the same key gets the same answer. */
export type CommandOutcome =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly field?: string; readonly details?: readonly string[] } };

/** CommandLogEntry records one command with its outcome. */
export interface CommandLogEntry {
  readonly commandId: string;
  readonly accountId: string;
  readonly type: string;
  readonly idempotencyKey?: string;
  readonly requestHash: string;
  readonly payload: unknown;
  readonly wallTime: string;
  readonly virtualTime: string;
  readonly outcome: CommandOutcome;
}

/** WriteRequest is one command's writes: all of them commit, or none. */
export interface WriteRequest {
  readonly streams: readonly StreamAppend[];
  readonly metadata: EventMetadata;
  readonly command?: CommandLogEntry;
}

/** WriteResult: the events as committed, or the first outcome of an earlier command with the same key. */
export type WriteResult =
  | { readonly status: 'committed'; readonly events: StoredEvent[] }
  | { readonly status: 'duplicate'; readonly outcome: CommandOutcome };

/** LoggedCommand is a command found by its idempotency key. */
export interface LoggedCommand {
  readonly requestHash: string;
  readonly outcome: CommandOutcome;
}

/** Snapshot is every projection's state at a log position. */
export interface Snapshot {
  readonly position: number;
  readonly projectionsVersion: string;
  readonly state: string;
}

/** BatchResult is, per request in a batch, its result or the error that rejected it alone. */
export type BatchResult = Array<WriteResult | DomainError>;

/** AccountEventsQuery selects one account's events under a stream prefix, after a position. */
export interface AccountEventsQuery {
  readonly accountId: string;
  readonly streamPrefix: string;
  readonly after: number;
  readonly limit: number;
}

/** EventLogDriver is the storage under the event store: one per database engine. */
export interface EventLogDriver {
  readonly engine: 'sqlite' | 'postgres';
  /** commitBatch writes a batch in one transaction; per-request rejections do not abort the others. */
  commitBatch(requests: readonly WriteRequest[]): Promise<BatchResult>;
  readStream(streamId: string, afterVersion: number): Promise<StoredEvent[]>;
  readAll(afterPosition: number, limit: number): Promise<StoredEvent[]>;
  readAccount(query: AccountEventsQuery): Promise<StoredEvent[]>;
  findCommand(accountId: string, idempotencyKey: string): Promise<LoggedCommand | undefined>;
  lastPosition(): Promise<number>;
  saveSnapshot(snapshot: Snapshot, takenAt: string): Promise<void>;
  latestSnapshot(): Promise<Snapshot | undefined>;
  close(): Promise<void>;
}
