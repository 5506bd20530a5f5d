import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { RealtimeDriver, VirtualClock } from '../../emulator/clock/index.js';
import { TKESIM_CONFIG, type TkesimConfig } from '../config/tkesim-config.js';
import { ProjectionService } from '../projections/projection.service.js';
import type { ClocksState } from './clocks.projection.js';

const CLOCK_EVENTS = new Set(['ClockStarted', 'ClockAdvanced', 'ClockModeSet']);

/** ClockService holds each account's live VirtualClock, kept in step with the clock events in the log. */
@Injectable()
export class ClockService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Clock');
  private readonly clocks = new Map<string, { clock: VirtualClock; driver: RealtimeDriver }>();

  constructor(
    private readonly projections: ProjectionService,
    @Inject(TKESIM_CONFIG) private readonly config: TkesimConfig,
  ) {}

  onModuleInit(): void {
    this.projections.onApplied((events) => {
      for (const event of events) {
        if (!CLOCK_EVENTS.has(event.type)) continue;
        const entry = this.clocks.get(event.metadata.accountId);
        const setting = this.settings()[event.metadata.accountId];
        if (entry && setting) entry.clock.update(setting);
      }
    });
  }

  onApplicationShutdown(): void {
    for (const { driver } of this.clocks.values()) driver.stop();
  }

  /** now is the account's virtual time in ms; an account without a clock yet reads the wall clock. */
  now(accountId: string): number {
    return this.find(accountId)?.now() ?? this.config.wallClock.now();
  }

  /** clockOf returns the account's clock, to schedule timers on. */
  clockOf(accountId: string): VirtualClock {
    const clock = this.find(accountId);
    if (!clock) throw new Error(`account ${accountId} has no clock`);
    return clock;
  }

  private find(accountId: string): VirtualClock | undefined {
    const existing = this.clocks.get(accountId);
    if (existing) return existing.clock;
    const setting = this.settings()[accountId];
    if (!setting) return undefined;
    const clock = new VirtualClock(setting, this.config.wallClock);
    const driver = new RealtimeDriver(clock, (error) => this.logger.error(`timer failed: ${error}`));
    this.clocks.set(accountId, { clock, driver });
    return clock;
  }

  private settings(): ClocksState {
    return this.projections.state<ClocksState>('clocks');
  }
}
