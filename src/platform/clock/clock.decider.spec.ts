import { deciderSpec } from '../kernel/testing/decider-spec.js';
import { clockDecider, type ClockEvent } from './clock.decider.js';

const spec = deciderSpec(clockDecider);
const started: ClockEvent = {
  type: 'ClockStarted',
  data: { mode: 'manual', speed: 1, at: '2017-06-01T00:00:00.000Z', wallAt: '2026-01-01T00:00:00.000Z' },
};
const wallAt = '2026-01-01T00:00:05.000Z';

describe('clock decider', () => {
  it('advances from the current virtual time', () => {
    spec
      .given([started])
      .when({ type: 'AdvanceClock', data: { seconds: 3600, now: '2017-06-01T00:00:00.000Z', wallAt } })
      .then([{ type: 'ClockAdvanced', data: { from: '2017-06-01T00:00:00.000Z', to: '2017-06-01T01:00:00.000Z', seconds: 3600, wallAt } }]);
  });

  it('records the new setting so replay lands on the same time', () => {
    spec
      .given([started])
      .when({ type: 'AdvanceClock', data: { seconds: 60, now: '2017-06-01T00:00:00.000Z', wallAt } })
      .thenState((state) => expect(state).toEqual({ mode: 'manual', speed: 1, virtualAt: Date.UTC(2017, 5, 1, 0, 1), wallAt: Date.parse(wallAt) }));
  });

  it.each([0, -5, 1.5])('rejects advancing by %s seconds', (seconds) => {
    spec.given([started]).when({ type: 'AdvanceClock', data: { seconds, now: started.data.at, wallAt } }).thenRejects('BAD_USER_INPUT', 'seconds');
  });

  it('rejects advancing by more than ten years', () => {
    spec
      .given([started])
      .when({ type: 'AdvanceClock', data: { seconds: 315_360_001, now: started.data.at, wallAt } })
      .thenRejects('BAD_USER_INPUT', 'seconds', /10 years/);
  });

  it('switches to realtime at a speed, keeping the current time', () => {
    spec
      .given([started])
      .when({ type: 'SetClockMode', data: { mode: 'realtime', speed: 60, now: '2017-06-01T00:10:00.000Z', wallAt } })
      .then([{ type: 'ClockModeSet', data: { mode: 'realtime', speed: 60, at: '2017-06-01T00:10:00.000Z', wallAt } }]);
  });

  it('keeps the speed when none is given', () => {
    spec
      .given([started])
      .when({ type: 'SetClockMode', data: { mode: 'manual', now: started.data.at, wallAt } })
      .thenState((state) => expect(state?.speed).toBe(1));
  });

  it.each([0, -1, 1_000_001])('rejects the speed %s', (speed) => {
    spec
      .given([started])
      .when({ type: 'SetClockMode', data: { mode: 'realtime', speed, now: started.data.at, wallAt } })
      .thenRejects('BAD_USER_INPUT', 'speed');
  });

  it('starts only once', () => {
    spec.given([started]).when({ type: 'StartClock', data: started.data }).thenRejects('CONFLICT');
  });

  it('cannot advance a clock that has not started', () => {
    spec.given([]).when({ type: 'AdvanceClock', data: { seconds: 1, now: started.data.at, wallAt } }).thenRejects('FAILED_PRECONDITION');
  });
});
