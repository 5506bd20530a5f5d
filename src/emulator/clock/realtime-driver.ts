import type { VirtualClock } from './virtual-clock.js';

const MAX_TIMEOUT_MS = 2_147_483_647;

/** RealtimeDriver fires a realtime clock's timers when their due time comes on the wall clock. */
export class RealtimeDriver {
  private handle: ReturnType<typeof setTimeout> | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly clock: VirtualClock,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.unsubscribe = clock.onChange(() => this.arm());
    this.arm();
  }

  stop(): void {
    this.unsubscribe();
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
  }

  private arm(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
    const dueAt = this.clock.nextDueAt();
    if (this.clock.mode !== 'realtime' || dueAt === undefined) return;
    const wallDelay = Math.max(0, (dueAt - this.clock.now()) / this.clock.speed);
    this.handle = setTimeout(() => {
      this.handle = undefined;
      this.clock.runDue().then(() => this.arm(), this.onError);
    }, Math.min(Math.ceil(wallDelay), MAX_TIMEOUT_MS));
    this.handle.unref?.();
  }
}
