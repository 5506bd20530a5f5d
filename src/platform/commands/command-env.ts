import type { RandomLease, RandomSource } from '../../emulator/clock/index.js';

/** CommandEnv is what a handler may read while planning: the account's virtual time and its random generator. */
export interface CommandEnv {
  readonly now: number;
  readonly at: string;
  readonly random: RandomSource;
}

/** PlanningEnv leases the account's generator only when a handler draws from it. */
export class PlanningEnv implements CommandEnv {
  private lease: RandomLease | undefined;

  constructor(
    readonly now: number,
    private readonly leaseRandom: () => RandomLease,
  ) {}

  get at(): string {
    return new Date(this.now).toISOString();
  }

  get random(): RandomSource {
    return (this.lease ??= this.leaseRandom());
  }

  /** drawn is the generator's position after this command's draws, if it drew. */
  get drawn(): number | undefined {
    return this.lease?.used ? this.lease.draws : undefined;
  }

  /** giveBack returns the draws of an attempt that did not commit. */
  giveBack(): void {
    this.lease?.giveBack();
  }
}
