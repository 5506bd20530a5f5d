import type { DomainEvent } from './events.js';

/** Decider is an aggregate as three pure things: where it starts, what a command yields, how an event changes it. */
export interface Decider<State, Command, Event extends DomainEvent> {
  readonly initialState: State;
  /** decide returns the events a command produces, or throws a DomainError. */
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** fold replays events over a decider's initial state. */
export function fold<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, events: readonly E[], from = decider.initialState): S {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}

/** exhaustive marks the end of a switch over a union, so a forgotten case fails to compile. */
export function exhaustive(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
