import { fold, type Decider } from '../kernel/decider.js';
import type { DomainEvent } from '../kernel/events.js';
import type { EventStore } from '../event-store/event-store.js';

interface Cached {
  readonly decider: unknown;
  readonly version: number;
  readonly state: unknown;
}

/** Loaded is an aggregate's state and the stream version it was folded up to. */
export interface Loaded<S> {
  readonly state: S;
  readonly version: number;
}

/** AggregateLoader folds a stream into its decider's state, reading only events newer than its cache. */
export class AggregateLoader {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly store: EventStore,
    private readonly maxEntries = 10_000,
  ) {}

  async load<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, streamId: string): Promise<Loaded<S>> {
    const hit = this.cache.get(streamId);
    const base = hit && hit.decider === decider ? (hit as Cached & { state: S }) : { version: 0, state: decider.initialState };
    const newer = await this.store.readStream(streamId, base.version);
    if (newer.length === 0) return { state: base.state, version: base.version };
    const state = fold(decider, newer as unknown as E[], base.state);
    const version = newer[newer.length - 1].streamVersion;
    this.remember(streamId, { decider, version, state });
    return { state, version };
  }

  private remember(streamId: string, entry: Cached): void {
    this.cache.delete(streamId);
    this.cache.set(streamId, entry);
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
  }
}
