import type { ClockMode, ClockSetting } from '../../emulator/clock/index.js';
import { exhaustive, type Decider } from '../kernel/decider.js';
import { DomainError, invalid } from '../kernel/domain-error.js';

/** MAX_ADVANCE_SECONDS bounds one advance to ten years. */
export const MAX_ADVANCE_SECONDS = 315_360_000;
export const MAX_SPEED = 1_000_000;

/** clockStream is the stream of an account's clock. */
export const clockStream = (accountId: string): string => `clock-${accountId}`;

export type ClockCommand =
  | { type: 'StartClock'; data: { mode: ClockMode; speed: number; at: string; wallAt: string } }
  | { type: 'AdvanceClock'; data: { seconds: number; now: string; wallAt: string } }
  | { type: 'SetClockMode'; data: { mode: ClockMode; speed?: number | null; now: string; wallAt: string } };

export type ClockEvent =
  | { type: 'ClockStarted'; data: { mode: ClockMode; speed: number; at: string; wallAt: string } }
  | { type: 'ClockAdvanced'; data: { from: string; to: string; seconds: number; wallAt: string } }
  | { type: 'ClockModeSet'; data: { mode: ClockMode; speed: number; at: string; wallAt: string } };

/** ClockState is the recorded setting, or null before the clock starts. */
export type ClockState = ClockSetting | null;

const ms = (iso: string): number => Date.parse(iso);

function checkSpeed(speed: number): void {
  if (!(speed > 0 && speed <= MAX_SPEED)) invalidSpeed(speed);
}

function invalidSpeed(speed: number): never {
  throw invalid('speed', speed, `must be greater than 0 and at most ${MAX_SPEED}`);
}

/** clockDecider: a clock starts once, advances forward only, and switches between realtime and manual. */
export const clockDecider: Decider<ClockState, ClockCommand, ClockEvent> = {
  initialState: null,
  decide(command, state) {
    switch (command.type) {
      case 'StartClock':
        if (state) throw new DomainError('CONFLICT', 'the clock has already started');
        checkSpeed(command.data.speed);
        return [{ type: 'ClockStarted', data: command.data }];
      case 'AdvanceClock': {
        if (!state) throw new DomainError('FAILED_PRECONDITION', 'the clock has not started');
        const { seconds, now, wallAt } = command.data;
        if (!Number.isInteger(seconds) || seconds < 1) throw invalid('seconds', seconds, 'must be an integer greater than or equal to 1');
        if (seconds > MAX_ADVANCE_SECONDS) throw invalid('seconds', seconds, `must be less than or equal to ${MAX_ADVANCE_SECONDS} (10 years)`);
        const to = new Date(ms(now) + seconds * 1000).toISOString();
        return [{ type: 'ClockAdvanced', data: { from: now, to, seconds, wallAt } }];
      }
      case 'SetClockMode': {
        if (!state) throw new DomainError('FAILED_PRECONDITION', 'the clock has not started');
        const speed = command.data.speed ?? state.speed;
        checkSpeed(speed);
        const { mode, now, wallAt } = command.data;
        return [{ type: 'ClockModeSet', data: { mode, speed, at: now, wallAt } }];
      }
      default:
        return exhaustive(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ClockStarted':
      case 'ClockModeSet':
        return { mode: event.data.mode, speed: event.data.speed, virtualAt: ms(event.data.at), wallAt: ms(event.data.wallAt) };
      case 'ClockAdvanced':
        return state && { ...state, virtualAt: ms(event.data.to), wallAt: ms(event.data.wallAt) };
      default:
        return exhaustive(event);
    }
  },
};
