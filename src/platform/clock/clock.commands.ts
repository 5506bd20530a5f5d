import { Inject, Injectable } from '@nestjs/common';
import type { ClockMode } from '../../emulator/clock/index.js';
import type { CommandContext } from '../commands/command-context.js';
import { CommandPipeline, target } from '../commands/command-pipeline.js';
import { TKESIM_CONFIG, type TkesimConfig } from '../config/tkesim-config.js';
import { clockDecider, clockStream } from './clock.decider.js';
import { ClockService } from './clock.service.js';

/** ClockView is a clock as the API shows it. */
export interface ClockView {
  readonly now: string;
  readonly mode: ClockMode;
  readonly speed: number;
  readonly pendingTimers: number;
}

/** ClockCommands records clock changes in the log, then fires the timers they make due. */
@Injectable()
export class ClockCommands {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clocks: ClockService,
    @Inject(TKESIM_CONFIG) private readonly config: TkesimConfig,
  ) {}

  view(accountId: string): ClockView {
    const clock = this.clocks.clockOf(accountId);
    return { now: new Date(clock.now()).toISOString(), mode: clock.mode, speed: clock.speed, pendingTimers: clock.pendingTimers };
  }

  /** advance moves the clock on and waits until every timer due by the new time has fired, in order. */
  async advance(ctx: CommandContext, seconds: number): Promise<ClockView> {
    await this.pipeline.run(ctx, { type: 'AdvanceClock', payload: { seconds } }, (env) => ({
      targets: [target(clockDecider, clockStream(ctx.accountId), { type: 'AdvanceClock', data: { seconds, now: env.at, wallAt: this.wallAt() } })],
    }));
    await this.clocks.clockOf(ctx.accountId).runDue();
    return this.view(ctx.accountId);
  }

  async setMode(ctx: CommandContext, mode: ClockMode, speed?: number | null): Promise<ClockView> {
    await this.pipeline.run(ctx, { type: 'SetClockMode', payload: { mode, speed } }, (env) => ({
      targets: [target(clockDecider, clockStream(ctx.accountId), { type: 'SetClockMode', data: { mode, speed, now: env.at, wallAt: this.wallAt() } })],
    }));
    await this.clocks.clockOf(ctx.accountId).runDue();
    return this.view(ctx.accountId);
  }

  private wallAt(): string {
    return new Date(this.config.wallClock.now()).toISOString();
  }
}
