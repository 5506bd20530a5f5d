import { Args, Context, Query, Resolver, Subscription } from '@nestjs/graphql';
import { EventStore } from '../event-store/event-store.js';
import { ProjectionService } from '../projections/projection.service.js';
import type { StoredEvent } from '../kernel/events.js';
import { requireAccount } from '../tenancy/caller.js';
import { AsyncQueue } from './async-queue.js';
import { connectionOf, decodeCursor, encodeCursor, pageSize, type Connection } from './connection.js';
import type { GqlContext } from './graphql-context.js';

/** EventsResolver serves the audit trail: a page of the log, and a live feed of it. */
@Resolver()
export class EventsResolver {
  constructor(
    private readonly store: EventStore,
    private readonly projections: ProjectionService,
  ) {}

  @Query('events')
  async events(
    @Context() ctx: GqlContext,
    @Args('streamPrefix') streamPrefix: string | null,
    @Args('after') after: string | null,
    @Args('first') first: number | null,
  ): Promise<Connection<StoredEvent>> {
    const { accountId } = requireAccount(ctx.caller);
    const size = pageSize(first);
    const from = Number(decodeCursor('event', after) ?? 0);
    const events = await this.store.readAccount({ accountId, streamPrefix: streamPrefix ?? '', after: from, limit: size + 1 });
    return connectionOf(events, size, (e) => encodeCursor('event', e.position));
  }

  @Subscription('eventsAppended')
  eventsAppended(@Context() ctx: GqlContext, @Args('streamPrefix') streamPrefix: string | null): AsyncIterableIterator<{ eventsAppended: StoredEvent }> {
    const { accountId } = requireAccount(ctx.caller);
    const prefix = streamPrefix ?? '';
    const queue: AsyncQueue<{ eventsAppended: StoredEvent }> = new AsyncQueue(() => unsubscribe());
    const unsubscribe = this.projections.onApplied((events) => {
      for (const event of events) {
        if (event.metadata.accountId === accountId && event.streamId.startsWith(prefix)) queue.push({ eventsAppended: event });
      }
    });
    return queue;
  }
}
