import type { IEvent } from '@nestjs/cqrs';
import { filter, type OperatorFunction } from 'rxjs';
import type { StoredEvent } from '../kernel/events.js';

/** EventAppended is what the @nestjs/cqrs EventBus carries: one committed event from the log. */
export class EventAppended implements IEvent {
  constructor(readonly event: StoredEvent) {}
}

/** ofEventType lets a saga pick the committed events it reacts to by their persisted type. */
export function ofEventType(...types: string[]): OperatorFunction<IEvent, EventAppended> {
  const wanted = new Set(types);
  return filter((e): e is EventAppended => e instanceof EventAppended && wanted.has(e.event.type));
}
