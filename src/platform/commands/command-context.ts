/** CommandContext says who issues a command and how it relates to others. */
export interface CommandContext {
  readonly accountId: string;
  /** actor: `token:<id>`, `admin`, or `system:<controller>`. */
  readonly actor: string;
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** systemContext is the context of a command the platform issues itself. */
export function systemContext(accountId: string, controller: string, causationId?: string): CommandContext {
  return { accountId, actor: `system:${controller}`, causationId, correlationId: causationId };
}
