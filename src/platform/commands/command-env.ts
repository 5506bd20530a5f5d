import type { SeededRandom } from '../../emulator/clock/index.js';

/** CommandEnv is what a handler may read while planning: the account's virtual time and its random generator. */
export interface CommandEnv {
  readonly now: number;
  readonly at: string;
  readonly random: SeededRandom;
}

/** PlanningEnv forks the account's generator only when a handler draws from it. */
export class PlanningEnv implements CommandEnv {
  private fork: SeededRandom | undefined;

  constructor(
    readonly now: number,
    private readonly forkRandom: () => SeededRandom,
  ) {}

  get at(): string {
    return new Date(this.now).toISOString();
  }

  get random(): SeededRandom {
    return (this.fork ??= this.forkRandom());
  }

  /** drawn is the forked generator if the handler used one. */
  get drawn(): SeededRandom | undefined {
    return this.fork;
  }
}
