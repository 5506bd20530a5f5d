/** DomainEvent is what a decider emits: a past-tense `type` and its data. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** EventMetadata says who caused an event, why, and when, in wall and virtual time. */
export interface EventMetadata {
  readonly accountId: string;
  readonly actor: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly wallTime: string;
  readonly virtualTime: string;
  /** randomDraws is the account generator's position after the command, so a restart continues it. */
  readonly randomDraws?: number;
}

/** StoredEvent is an event as the log holds it. */
export interface StoredEvent<E extends DomainEvent = DomainEvent> {
  readonly position: number;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}
