import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { TKESIM_CONFIG, type TkesimConfig } from '../config/tkesim-config.js';
import { EventStore } from '../event-store/event-store.js';
import type { StoredEvent } from '../kernel/events.js';
import type { AnyProjection } from '../kernel/projection.js';
import { ProjectionEngine } from './projection-engine.js';
import { replay } from './replay.js';

/** PROJECTIONS is the injection token of every read model the application folds. */
export const PROJECTIONS = Symbol('PROJECTIONS');

/** AppliedListener runs after the read models have taken in newly committed events. */
export type AppliedListener = (events: readonly StoredEvent[]) => void;

/** ProjectionService keeps the read models live: snapshot plus log tail at start-up, then every commit. */
@Injectable()
export class ProjectionService implements OnModuleInit {
  private readonly logger = new Logger('Projections');
  readonly engine: ProjectionEngine;
  private readonly listeners: AppliedListener[] = [];
  private lastSnapshotAt = 0;
  private snapshotting: Promise<void> | undefined;
  /** snapshotCostMs and snapshotDoneAt pace snapshots so that writing them takes at most a tenth of the time. */
  private snapshotCostMs = 0;
  private snapshotDoneAt = 0;

  constructor(
    private readonly store: EventStore,
    @Inject(PROJECTIONS) readonly projections: AnyProjection[],
    @Inject(TKESIM_CONFIG) private readonly config: TkesimConfig,
  ) {
    this.engine = new ProjectionEngine(projections);
  }

  async onModuleInit(): Promise<void> {
    const snapshot = await this.store.latestSnapshot();
    if (snapshot && this.engine.restore(snapshot)) this.lastSnapshotAt = snapshot.position;
    const tail = await replay(this.store, this.engine);
    this.store.onCommitted((events) => this.applyLive(events));
    this.logger.log(`read models at position ${this.engine.position} (snapshot ${this.lastSnapshotAt} + ${tail} events)`);
  }

  state<S>(name: string): S {
    return this.engine.state<S>(name);
  }

  get position(): number {
    return this.engine.position;
  }

  onApplied(listener: AppliedListener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  /** snapshot saves the read models now; it resolves when the snapshot is durable. */
  snapshot(): Promise<void> {
    const wall = this.config.wallClock;
    const started = wall.now();
    this.snapshotting ??= this.store
      .saveSnapshot(this.engine.toSnapshot(), new Date(started).toISOString())
      .then(() => {
        this.lastSnapshotAt = this.engine.position;
        this.snapshotDoneAt = wall.now();
        this.snapshotCostMs = this.snapshotDoneAt - started;
      })
      .catch((error) => this.logger.error(`snapshot failed: ${error}`))
      .finally(() => (this.snapshotting = undefined));
    return this.snapshotting;
  }

  /** flush waits for a snapshot in progress, so a shutdown does not cut it short. */
  async flush(): Promise<void> {
    await this.snapshotting;
  }

  private applyLive(events: readonly StoredEvent[]): void {
    this.engine.apply(events);
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.logger.error(`listener failed: ${error instanceof Error ? error.stack : error}`);
      }
    }
    // Every N events, but never so often that serialising large read models dominates: a snapshot that took t waits 10 t.
    const due = this.engine.position - this.lastSnapshotAt >= this.config.snapshotEvery;
    if (due && this.config.wallClock.now() - this.snapshotDoneAt >= 10 * this.snapshotCostMs) void this.snapshot();
  }
}
