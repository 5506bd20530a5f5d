import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ClockCommands } from './clock/clock.commands.js';
import { ClockService } from './clock/clock.service.js';
import { RandomService } from './clock/random.service.js';
import { CommandPipeline } from './commands/command-pipeline.js';
import { EventBusBridge } from './commands/event-bus-bridge.js';
import { TKESIM_CONFIG, type TkesimConfig } from './config/tkesim-config.js';
import { EventStore, openEventLog } from './event-store/index.js';
import { EventStoreHost } from './event-store/event-store.host.js';
import type { AnyProjection } from './kernel/projection.js';
import { PROJECTIONS, ProjectionService } from './projections/projection.service.js';
import { AccountsService } from './tenancy/accounts.service.js';
import { SandboxService } from './tenancy/sandbox.service.js';

const services = [ProjectionService, ClockService, RandomService, CommandPipeline, ClockCommands, AccountsService, SandboxService];
const lifecycle = [EventStoreHost, EventBusBridge];

/** PlatformModule is the shared kernel: the log, read models, clocks, randomness, commands and tenancy. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: TkesimConfig, projections: AnyProjection[]): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: TKESIM_CONFIG, useValue: config },
        { provide: PROJECTIONS, useValue: projections },
        { provide: EventStore, useFactory: async () => new EventStore(await openEventLog(config.database), config.groupCommit) },
        ...services,
        ...lifecycle,
      ],
      exports: [TKESIM_CONFIG, EventStore, ...services],
    };
  }
}
