import type { ClockSetting } from '../../emulator/clock/index.js';
import type { Projection } from '../kernel/projection.js';
import { clockDecider, type ClockEvent } from './clock.decider.js';

/** ClocksState is each account's recorded clock setting. */
export type ClocksState = Record<string, ClockSetting>;

const CLOCK_EVENTS = new Set(['ClockStarted', 'ClockAdvanced', 'ClockModeSet']);

/** clocksProjection folds clock events with the clock decider's own evolve. */
export const clocksProjection: Projection<ClocksState> = {
  name: 'clocks',
  version: 1,
  initialState: () => ({}),
  apply(state, event) {
    if (!CLOCK_EVENTS.has(event.type)) return;
    const accountId = event.metadata.accountId;
    const next = clockDecider.evolve(state[accountId] ?? null, event as unknown as ClockEvent);
    if (next) state[accountId] = next;
  },
};
