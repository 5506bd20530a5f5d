import { lastHeartbeat } from './heartbeats.js';

describe('node heartbeats', () => {
  const joined = '2017-06-01T00:00:00.000Z';
  it.each([
    [0, undefined, '2017-06-01T00:00:00.000Z'],
    [9_999, undefined, '2017-06-01T00:00:00.000Z'],
    [10_000, undefined, '2017-06-01T00:00:10.000Z'],
    [125_000, undefined, '2017-06-01T00:02:00.000Z'],
    [125_000, '2017-06-01T00:00:35.000Z', '2017-06-01T00:00:30.000Z'],
  ])('%d ms after joining (failed at %s) the last heartbeat is %s', (elapsed, failedAt, expected) => {
    expect(lastHeartbeat(joined, Date.parse(joined) + elapsed, failedAt)).toBe(expected);
  });
});
