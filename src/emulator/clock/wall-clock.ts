/** WallClock is the only source of real time in tkesim; everything else reads a VirtualClock. */
export interface WallClock {
  now(): number;
}

/** systemWallClock reads the machine's clock. */
export const systemWallClock: WallClock = { now: () => Date.now() };

/** FakeWallClock is a wall clock a test moves by hand. */
export class FakeWallClock implements WallClock {
  constructor(private current = Date.UTC(2017, 0, 1)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
