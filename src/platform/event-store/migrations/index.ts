import { CreateEventLog1764300000000 } from './1764300000000-create-event-log.js';

/** migrations run in order at start-up; the schema is never synchronised from entities. */
export const migrations = [CreateEventLog1764300000000];
