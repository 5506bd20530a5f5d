/** CommandContext says who issues a command and how it relates to others. */
export interface CommandContext {
  readonly accountId: string;
  /** actor: `token:<id>`, `admin`, or `system:<controller>`. */
  readonly actor: string;
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}
