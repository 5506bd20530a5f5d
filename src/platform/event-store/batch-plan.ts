import { DomainError } from '../kernel/domain-error.js';
import type { CommandLogEntry, CommandOutcome, LoggedCommand, WriteRequest } from './event-log.js';

/** EventRow is an event ready to insert; the database assigns its position. */
export interface EventRow {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly accountId: string;
}

/** RequestPlan is what the batch will do with one request. */
export type RequestPlan =
  | { readonly kind: 'write'; readonly rows: EventRow[]; readonly command?: CommandLogEntry }
  | { readonly kind: 'duplicate'; readonly outcome: CommandOutcome }
  | { readonly kind: 'reject'; readonly error: DomainError };

/** BatchLookups reads committed state: a stream's version and a command by idempotency key. */
export interface BatchLookups {
  streamVersion(streamId: string): number;
  command(accountId: string, idempotencyKey: string): LoggedCommand | undefined;
}

/** staleVersion is the API server's optimistic-concurrency wording. */
export function staleVersion(streamId: string, expected: number, actual: number): DomainError {
  return new DomainError(
    'CONFLICT',
    `Operation cannot be fulfilled on stream "${streamId}": the object has been modified (version ${actual}, expected ${expected}); please apply your changes to the latest version and try again`,
    'expectedVersion',
  );
}

const keyOf = (accountId: string, key: string): string => `${accountId}\u0000${key}`;

/** planBatch checks every request against committed state and the requests before it in the batch. */
export function planBatch(requests: readonly WriteRequest[], lookups: BatchLookups): RequestPlan[] {
  const versions = new Map<string, number>();
  const keys = new Map<string, LoggedCommand>();
  const versionOf = (id: string): number => versions.get(id) ?? lookups.streamVersion(id);
  return requests.map((request) => {
    const command = request.command;
    if (command?.idempotencyKey !== undefined) {
      const k = keyOf(command.accountId, command.idempotencyKey);
      const earlier = keys.get(k) ?? lookups.command(command.accountId, command.idempotencyKey);
      if (earlier) {
        if (earlier.requestHash !== command.requestHash) {
          return { kind: 'reject', error: reusedKey(command.idempotencyKey) };
        }
        return { kind: 'duplicate', outcome: earlier.outcome };
      }
    }
    for (const append of request.streams) {
      const actual = versionOf(append.streamId);
      if (append.expectedVersion !== 'any' && append.expectedVersion !== actual) {
        return { kind: 'reject', error: staleVersion(append.streamId, append.expectedVersion, actual) };
      }
    }
    const metadata = JSON.stringify(request.metadata);
    const rows: EventRow[] = [];
    for (const append of request.streams) {
      let version = versionOf(append.streamId);
      for (const event of append.events) {
        version++;
        rows.push({
          streamId: append.streamId,
          streamVersion: version,
          type: event.type,
          data: JSON.stringify(event.data),
          metadata,
          accountId: request.metadata.accountId,
        });
      }
      versions.set(append.streamId, version);
    }
    if (command?.idempotencyKey !== undefined) {
      keys.set(keyOf(command.accountId, command.idempotencyKey), { requestHash: command.requestHash, outcome: command.outcome });
    }
    return { kind: 'write', rows, command };
  });
}

function reusedKey(key: string): DomainError {
  return new DomainError('CONFLICT', `idempotency key "${key}" was already used for a different request`, 'idempotencyKey');
}
