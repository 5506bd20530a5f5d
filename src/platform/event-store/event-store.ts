import type { StoredEvent } from '../kernel/events.js';
import type {
  AccountEventsQuery,
  EventLogDriver,
  LoggedCommand,
  Snapshot,
  WriteRequest,
  WriteResult,
} from './event-log.js';
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';

/** CommittedListener sees every committed event once, in log order, before the writers are answered. */
export type CommittedListener = (events: readonly StoredEvent[]) => void;

/** EventStore is the append-only log: group-committed writes, ordered reads, and a feed of what committed. */
export class EventStore {
  private readonly listeners: CommittedListener[] = [];
  private readonly writes: GroupCommit<WriteRequest, WriteResult>;

  constructor(
    readonly driver: EventLogDriver,
    options: GroupCommitOptions = { maxBatch: 256, maxWaitMs: 0 },
    private readonly onListenerError: (error: unknown) => void = (error) => console.error(error),
  ) {
    this.writes = new GroupCommit((batch) => this.commit(batch), options);
  }

  get engine(): EventLogDriver['engine'] {
    return this.driver.engine;
  }

  /** append commits one command's writes; a stale expected version rejects it with CONFLICT. */
  append(request: WriteRequest): Promise<WriteResult> {
    return this.writes.submit(request);
  }

  onCommitted(listener: CommittedListener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  readStream(streamId: string, afterVersion = 0): Promise<StoredEvent[]> {
    return this.driver.readStream(streamId, afterVersion);
  }

  readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.driver.readAll(afterPosition, limit);
  }

  readAccount(query: AccountEventsQuery): Promise<StoredEvent[]> {
    return this.driver.readAccount(query);
  }

  findCommand(accountId: string, idempotencyKey: string): Promise<LoggedCommand | undefined> {
    return this.driver.findCommand(accountId, idempotencyKey);
  }

  saveSnapshot(snapshot: Snapshot, takenAt: string): Promise<void> {
    return this.driver.saveSnapshot(snapshot, takenAt);
  }

  latestSnapshot(): Promise<Snapshot | undefined> {
    return this.driver.latestSnapshot();
  }

  async close(): Promise<void> {
    await this.writes.drained();
    await this.driver.close();
  }

  private async commit(batch: WriteRequest[]): Promise<Array<WriteResult | Error>> {
    const results = await this.driver.commitBatch(batch);
    const committed = results.flatMap((r) => (r instanceof Error || r.status !== 'committed' ? [] : r.events));
    if (committed.length > 0) {
      for (const listener of this.listeners) {
        try {
          listener(committed);
        } catch (error) {
          this.onListenerError(error);
        }
      }
    }
    return results;
  }
}
