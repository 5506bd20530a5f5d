import type { StoredEvent } from '../kernel/events.js';
import type { AnyProjection } from '../kernel/projection.js';
import type { Snapshot } from '../event-store/event-log.js';

/** ProjectionEngine holds every read model and the log position they reflect. */
export class ProjectionEngine {
  private states: Record<string, unknown> = {};
  private at = 0;

  constructor(private readonly projections: readonly AnyProjection[]) {
    this.reset();
  }

  /** version names every projection and its version; a snapshot taken under another is ignored. */
  get version(): string {
    return this.projections.map((p) => `${p.name}@${p.version}`).join(',');
  }

  get position(): number {
    return this.at;
  }

  state<S>(name: string): S {
    if (!(name in this.states)) throw new Error(`no projection named ${name}`);
    return this.states[name] as S;
  }

  /** apply folds events the models have not seen yet, in log order. */
  apply(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (event.position <= this.at) continue;
      for (const projection of this.projections) projection.apply(this.states[projection.name], event);
      this.at = event.position;
    }
  }

  /** serialize renders the read models as canonical JSON, for snapshots and byte-for-byte comparison. */
  serialize(): string {
    return JSON.stringify(this.states);
  }

  toSnapshot(): Snapshot {
    return { position: this.at, projectionsVersion: this.version, state: this.serialize() };
  }

  /** restore loads a snapshot taken under the same projection versions; it returns false otherwise. */
  restore(snapshot: Snapshot): boolean {
    if (snapshot.projectionsVersion !== this.version) return false;
    const states = JSON.parse(snapshot.state) as Record<string, unknown>;
    if (!this.projections.every((p) => p.name in states)) return false;
    this.states = states;
    this.at = snapshot.position;
    return true;
  }

  reset(): void {
    this.states = Object.fromEntries(this.projections.map((p) => [p.name, p.initialState()]));
    this.at = 0;
  }
}
