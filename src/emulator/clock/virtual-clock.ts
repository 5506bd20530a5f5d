import { TimerQueue, type Timer } from './timer-queue.js';
import { systemWallClock, type WallClock } from './wall-clock.js';

/** ClockMode: `realtime` follows the wall clock times a speed factor; `manual` moves only when advanced. */
export type ClockMode = 'realtime' | 'manual';

/** ClockSetting is what the log records about a clock: virtual time at a wall instant, and how it moves on. */
export interface ClockSetting {
  readonly mode: ClockMode;
  readonly speed: number;
  readonly virtualAt: number;
  readonly wallAt: number;
}

/** virtualNow derives virtual time (ms since the epoch) from a setting and the wall clock. */
export function virtualNow(setting: ClockSetting, wallNow: number): number {
  if (setting.mode === 'manual') return setting.virtualAt;
  return setting.virtualAt + Math.floor(Math.max(0, wallNow - setting.wallAt) * setting.speed);
}

/** TimerCallback runs when a timer is due; the clock reads the timer's due time while it runs. */
export type TimerCallback = (at: number) => void | Promise<void>;

/** Repeating is a handle on a periodic timer. */
export interface Repeating {
  cancel(): void;
}

/** VirtualClock is one account's time: a recorded setting plus a queue of timers fired in due order. */
export class VirtualClock {
  private readonly timers = new TimerQueue();
  private firingAt: number | null = null;
  private running: Promise<number> = Promise.resolve(0);
  private readonly listeners = new Set<() => void>();

  constructor(
    private setting: ClockSetting,
    private readonly wall: WallClock = systemWallClock,
  ) {}

  get mode(): ClockMode {
    return this.setting.mode;
  }

  get speed(): number {
    return this.setting.speed;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** now is the due time of the timer being fired, else the setting's time. */
  now(): number {
    return this.firingAt ?? virtualNow(this.setting, this.wall.now());
  }

  /** update applies a setting read from the log (an advance or a mode change). */
  update(setting: ClockSetting): void {
    this.setting = setting;
    this.changed();
  }

  schedule(dueAt: number, label: string, fire: TimerCallback): Timer {
    const timer = this.timers.push(dueAt, label, fire);
    this.changed();
    return timer;
  }

  /** every fires `fire` each `periodMs`, the first time at `firstDueAt`. */
  every(periodMs: number, label: string, fire: TimerCallback, firstDueAt = this.now() + periodMs): Repeating {
    if (!(periodMs > 0)) throw new RangeError(`every: periodMs must be positive, got ${periodMs}`);
    let current: Timer | undefined;
    let cancelled = false;
    const arm = (dueAt: number): void => {
      current = this.schedule(dueAt, label, async (at) => {
        if (!cancelled) arm(at + periodMs);
        await fire(at);
      });
    };
    arm(firstDueAt);
    return {
      cancel: () => {
        cancelled = true;
        if (current) this.timers.cancel(current);
      },
    };
  }

  cancel(timer: Timer): void {
    this.timers.cancel(timer);
  }

  nextDueAt(): number | undefined {
    return this.timers.peek()?.dueAt;
  }

  /** runDue fires, one at a time and in order, every timer due by now; it resolves to how many fired. */
  runDue(): Promise<number> {
    this.running = this.running.then(() => this.fireUntil(virtualNow(this.setting, this.wall.now())));
    return this.running;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async fireUntil(until: number): Promise<number> {
    let fired = 0;
    for (let next = this.timers.peek(); next && next.dueAt <= until; next = this.timers.peek()) {
      this.timers.pop();
      this.firingAt = next.dueAt;
      try {
        await next.fire(next.dueAt);
      } finally {
        this.firingAt = null;
      }
      fired++;
    }
    return fired;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
