import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { ProjectionService } from '../projections/projection.service.js';
import { EventAppended } from './event-appended.js';

/** EventBusBridge publishes every committed event on the EventBus, in log order, once the read models have it. */
@Injectable()
export class EventBusBridge implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionService,
    private readonly eventBus: EventBus,
  ) {}

  onModuleInit(): void {
    this.projections.onApplied((events) => this.eventBus.publishAll(events.map((e) => new EventAppended(e))));
  }
}
