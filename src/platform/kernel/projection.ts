import type { StoredEvent } from './events.js';

/** Projection is an in-memory read model: JSON-safe state that `apply` updates in place, event by event. */
export interface Projection<State> {
  readonly name: string;
  /** version changes when the state's shape or meaning changes; it invalidates older snapshots. */
  readonly version: number;
  initialState(): State;
  apply(state: State, event: StoredEvent): void;
}

/** AnyProjection is a projection of unknown state, for registries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any>;
