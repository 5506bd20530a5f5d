import { FakeWallClock } from '../../../src/emulator/clock/index.js';
import { ClockService } from '../../../src/platform/clock/clock.service.js';
import { testDatabases } from '../../support/databases.js';
import { EVENTS } from '../../support/cluster-operations.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

const CLOCK = `{ clock { now mode speed pendingTimers } }`;
const SET_MODE = `mutation ($mode: ClockMode!, $speed: Float) { setClockMode(mode: $mode, speed: $speed) { now mode speed } }`;
const ADVANCE = `mutation ($s: Int!) { advanceClock(seconds: $s) { now mode pendingTimers } }`;

describe.each(testDatabases())('virtual clock on $name', (database) => {
  let t: TestServer;
  const wall = new FakeWallClock(Date.UTC(2026, 0, 1));
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config(), wallClock: wall });
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  it('advancing 3,600 s fires a per-minute timer exactly 60 times, in order, each at its due time', async () => {
    const manual = data(await t.gql(SET_MODE, { mode: 'MANUAL' })).setClockMode;
    const start = Date.parse(manual.now);
    const clock = t.app.get(ClockService).clockOf('sandbox');
    const fired: Array<[number, number]> = [];
    const timer = clock.every(60_000, 'per-minute', (at) => void fired.push([at, clock.now()]));

    const after = data(await t.gql(ADVANCE, { s: 3600 })).advanceClock;
    timer.cancel();

    expect(fired).toHaveLength(60);
    expect(fired).toEqual(Array.from({ length: 60 }, (_, i) => [start + (i + 1) * 60_000, start + (i + 1) * 60_000]));
    expect(Date.parse(after.now)).toBe(start + 3_600_000);
    const recorded = data(await t.gql(EVENTS, { prefix: 'clock-sandbox', first: 50 })).events.nodes.map((e: any) => e.type);
    expect(recorded).toEqual(['ClockStarted', 'ClockModeSet', 'ClockAdvanced']);
  });

  it('in manual mode stands still while the wall clock moves; in realtime mode runs at its speed', async () => {
    await t.gql(SET_MODE, { mode: 'MANUAL' });
    const before = data(await t.gql(CLOCK)).clock.now;
    wall.advance(5_000);
    expect(data(await t.gql(CLOCK)).clock.now).toBe(before);

    const realtime = data(await t.gql(SET_MODE, { mode: 'REALTIME', speed: 60 })).setClockMode;
    wall.advance(1_000);
    expect(Date.parse(data(await t.gql(CLOCK)).clock.now) - Date.parse(realtime.now)).toBe(60_000);
    await t.gql(SET_MODE, { mode: 'MANUAL' });
  });

  it('names the field of a bad advance or speed', async () => {
    expect(errorOf(await t.gql(ADVANCE, { s: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seconds' });
    expect(errorOf(await t.gql(SET_MODE, { mode: 'REALTIME', speed: -1 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'speed' });
  });
});
