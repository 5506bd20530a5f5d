import { FakeWallClock } from './wall-clock.js';
import { VirtualClock, virtualNow, type ClockSetting } from './virtual-clock.js';

const T0 = Date.UTC(2017, 5, 1);
const manual = (virtualAt = T0): ClockSetting => ({ mode: 'manual', speed: 1, virtualAt, wallAt: 0 });

describe('VirtualClock', () => {
  it('advancing 3,600 s fires a per-minute timer exactly 60 times, in order, each at its due time', async () => {
    const clock = new VirtualClock(manual());
    const seen: Array<{ at: number; now: number }> = [];
    clock.every(60_000, 'collect', (at) => void seen.push({ at, now: clock.now() }));

    clock.update(manual(T0 + 3_600_000));
    const fired = await clock.runDue();

    expect(fired).toBe(60);
    expect(seen.map((s) => s.at)).toEqual(Array.from({ length: 60 }, (_, i) => T0 + (i + 1) * 60_000));
    expect(seen.every((s) => s.now === s.at)).toBe(true);
    expect(clock.now()).toBe(T0 + 3_600_000);
  });

  it('fires timers due at the same instant in the order they were scheduled', async () => {
    const clock = new VirtualClock(manual());
    const order: string[] = [];
    clock.schedule(T0 + 10, 'b', () => void order.push('b'));
    clock.schedule(T0 + 5, 'a', () => void order.push('a'));
    clock.schedule(T0 + 10, 'c', () => void order.push('c'));
    clock.update(manual(T0 + 10));
    await clock.runDue();
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('does not fire timers that are not yet due, nor cancelled ones', async () => {
    const clock = new VirtualClock(manual());
    const fired: string[] = [];
    const cancelled = clock.schedule(T0 + 1_000, 'cancelled', () => void fired.push('cancelled'));
    clock.schedule(T0 + 2_000, 'late', () => void fired.push('late'));
    clock.cancel(cancelled);
    clock.update(manual(T0 + 1_500));
    expect(await clock.runDue()).toBe(0);
    expect(fired).toEqual([]);
    expect(clock.pendingTimers).toBe(1);
  });

  it('fires a timer scheduled by another timer when it falls inside the same advance', async () => {
    const clock = new VirtualClock(manual());
    const fired: number[] = [];
    clock.schedule(T0 + 100, 'first', (at) => {
      fired.push(at);
      clock.schedule(at + 100, 'second', (at2) => void fired.push(at2));
    });
    clock.update(manual(T0 + 1_000));
    await clock.runDue();
    expect(fired).toEqual([T0 + 100, T0 + 200]);
  });

  it('stops a repeating timer once cancelled', async () => {
    const clock = new VirtualClock(manual());
    let count = 0;
    const repeating = clock.every(1_000, 'tick', () => {
      count++;
      if (count === 3) repeating.cancel();
    });
    clock.update(manual(T0 + 10_000));
    await clock.runDue();
    expect(count).toBe(3);
  });

  it('in realtime mode follows the wall clock times the speed factor', () => {
    const wall = new FakeWallClock(1_000);
    const clock = new VirtualClock({ mode: 'realtime', speed: 60, virtualAt: T0, wallAt: 1_000 }, wall);
    wall.advance(1_000);
    expect(clock.now()).toBe(T0 + 60_000);
  });

  it('in manual mode ignores the wall clock', () => {
    const setting = manual();
    expect(virtualNow(setting, 123_456_789)).toBe(T0);
  });

  it('rejects a repeating timer without a positive period', () => {
    const clock = new VirtualClock(manual());
    expect(() => clock.every(0, 'bad', () => {})).toThrow(RangeError);
  });
});
