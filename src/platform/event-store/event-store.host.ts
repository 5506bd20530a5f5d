import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ProjectionService } from '../projections/projection.service.js';
import { EventStore } from './event-store.js';

/** EventStoreHost closes the log on shutdown, after a last snapshot so the next start is quick. */
@Injectable()
export class EventStoreHost implements OnApplicationShutdown {
  constructor(
    private readonly store: EventStore,
    private readonly projections: ProjectionService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.projections.flush();
    if (this.projections.position > 0) await this.projections.snapshot();
    await this.store.close();
  }
}
