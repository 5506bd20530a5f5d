import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ClockService } from '../clock/clock.service.js';
import { RandomService } from '../clock/random.service.js';
import { TKESIM_CONFIG, type TkesimConfig } from '../config/tkesim-config.js';
import { EventStore, staleVersion, type CommandLogEntry, type CommandOutcome, type StreamAppend } from '../event-store/index.js';
import type { Decider } from '../kernel/decider.js';
import { DomainError, isDomainError } from '../kernel/domain-error.js';
import type { DomainEvent, EventMetadata } from '../kernel/events.js';
import { AggregateLoader } from './aggregate-loader.js';
import type { CommandContext } from './command-context.js';
import { PlanningEnv, type CommandEnv } from './command-env.js';
import { requestHash } from './stable-hash.js';

/** DecisionTarget is one aggregate a command decides on. */
export interface DecisionTarget {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly decider: Decider<any, any, any>;
  readonly streamId: string;
  readonly command: unknown;
  /** expectedVersion, when the caller names one, is checked as given and never retried on conflict. */
  readonly expectedVersion?: number;
  /** view, when given, is the aggregate's state from a read model kept in step with its stream (for large aggregates). */
  readonly view?: { readonly state: unknown; readonly version: number };
}

/** viewTarget decides against a live read model of the stream rather than folding the stream; a stale view is a CONFLICT and retried. */
export function viewTarget<S, C>(decide: (command: C, state: S) => DomainEvent[], streamId: string, command: C, view: { state: S; version: number }): DecisionTarget {
  return { decider: { initialState: view.state, decide, evolve: (s: S) => s }, streamId, command, view };
}

/** target pairs a decider with its stream and a command it accepts. */
export function target<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, streamId: string, command: C, expectedVersion?: number): DecisionTarget {
  return { decider, streamId, command, expectedVersion };
}

/** CommandPlan: the aggregates to decide on, and the result to return from the events they decided. */
export interface CommandPlan<R> {
  readonly targets: readonly DecisionTarget[];
  readonly result?: (events: readonly DomainEvent[]) => R;
  /** quietWhenNoEvents skips logging a command that changed nothing: a control loop's idle pass. */
  readonly quietWhenNoEvents?: boolean;
}

/** CommandRequest is the command as logged: its type and the caller's payload. */
export interface CommandRequest {
  readonly type: string;
  readonly payload: unknown;
}

type Planner<R> = (env: CommandEnv) => CommandPlan<R> | Promise<CommandPlan<R>>;

interface Attempt {
  readonly ctx: CommandContext;
  readonly request: CommandRequest;
  readonly hash: string;
}

const MAX_ATTEMPTS = 8;
const isStale = (e: DomainError): boolean => e.code === 'CONFLICT' && e.field === 'expectedVersion';

/** CommandPipeline is the one path every command takes: load -> decide -> append(expectedVersion); publishing follows the commit. */
@Injectable()
export class CommandPipeline {
  private readonly loader: AggregateLoader;
  private readonly inFlight = new Map<string, Promise<CommandOutcome>>();

  constructor(
    private readonly store: EventStore,
    private readonly clocks: ClockService,
    private readonly randoms: RandomService,
    @Inject(TKESIM_CONFIG) private readonly config: TkesimConfig,
  ) {
    this.loader = new AggregateLoader(store);
  }

  /** run executes a command once per idempotency key; retries with the key get the first outcome. */
  async run<R>(ctx: CommandContext, request: CommandRequest, plan: Planner<R>): Promise<R> {
    const attempt: Attempt = { ctx, request, hash: requestHash(request.type, request.payload) };
    if (ctx.idempotencyKey === undefined) return unwrap<R>(await this.execute(attempt, plan));
    const key = `${ctx.accountId}\u0000${ctx.idempotencyKey}`;
    let outcome = this.inFlight.get(key);
    if (!outcome) {
      outcome = this.firstOutcome(attempt, plan).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, outcome);
    }
    return unwrap<R>(await outcome);
  }

  private async firstOutcome<R>(attempt: Attempt, plan: Planner<R>): Promise<CommandOutcome> {
    const earlier = await this.store.findCommand(attempt.ctx.accountId, attempt.ctx.idempotencyKey!);
    if (!earlier) return this.execute(attempt, plan);
    if (earlier.requestHash === attempt.hash) return earlier.outcome;
    const message = `idempotency key "${attempt.ctx.idempotencyKey}" was already used for a different request`;
    return rejected(new DomainError('CONFLICT', message, 'idempotencyKey'));
  }

  private async execute<R>(attempt: Attempt, plan: Planner<R>): Promise<CommandOutcome> {
    for (let tries = 1; ; tries++) {
      const env = new PlanningEnv(this.clocks.now(attempt.ctx.accountId), () => this.randoms.lease(attempt.ctx.accountId));
      let explicit = false;
      try {
        const planned = await plan(env);
        explicit = planned.targets.some((t) => t.expectedVersion !== undefined);
        const streams = await this.decide(planned.targets);
        const outcome: CommandOutcome = { ok: true, result: planned.result?.(streams.flatMap((s) => s.events)) ?? null };
        if (planned.quietWhenNoEvents && streams.every((s) => s.events.length === 0)) {
          env.giveBack();
          return outcome;
        }
        const written = await this.write(attempt, env, outcome, streams);
        if (written) env.giveBack();
        return written ?? outcome;
      } catch (error) {
        env.giveBack();
        if (!isDomainError(error)) throw error;
        if (isStale(error) && !explicit && tries < MAX_ATTEMPTS) continue;
        return this.logRejection(attempt, env, error);
      }
    }
  }

  private async decide(targets: readonly DecisionTarget[]): Promise<StreamAppend[]> {
    const streams: StreamAppend[] = [];
    for (const t of targets) {
      const loaded = t.view ?? (await this.loader.load(t.decider, t.streamId));
      if (t.expectedVersion !== undefined && t.expectedVersion !== loaded.version) {
        throw staleVersion(t.streamId, t.expectedVersion, loaded.version);
      }
      streams.push({ streamId: t.streamId, expectedVersion: loaded.version, events: t.decider.decide(t.command, loaded.state) });
    }
    return streams;
  }

  /** write appends the command and its events; it returns an earlier outcome when the key was already used. */
  private async write(attempt: Attempt, env: PlanningEnv, outcome: CommandOutcome, streams: StreamAppend[]): Promise<CommandOutcome | undefined> {
    const commandId = randomUUID();
    const written = await this.store.append({
      streams,
      metadata: this.metadata(attempt.ctx, env, commandId),
      command: this.logEntry(attempt, env, outcome, commandId),
    });
    return written.status === 'duplicate' ? written.outcome : undefined;
  }

  private async logRejection(attempt: Attempt, env: PlanningEnv, error: DomainError): Promise<CommandOutcome> {
    const outcome = rejected(error);
    // A lost race is not the command's answer: a retry with the same key may still succeed.
    const logged = isStale(error) ? { ...attempt, ctx: { ...attempt.ctx, idempotencyKey: undefined } } : attempt;
    return (await this.write(logged, env, outcome, [])) ?? outcome;
  }

  private metadata(ctx: CommandContext, env: PlanningEnv, commandId: string): EventMetadata {
    return {
      accountId: ctx.accountId,
      actor: ctx.actor,
      commandId,
      correlationId: ctx.correlationId ?? commandId,
      causationId: ctx.causationId ?? commandId,
      wallTime: new Date(this.config.wallClock.now()).toISOString(),
      virtualTime: env.at,
      ...(env.drawn === undefined ? {} : { randomDraws: env.drawn }),
    };
  }

  private logEntry(attempt: Attempt, env: PlanningEnv, outcome: CommandOutcome, commandId: string): CommandLogEntry {
    return {
      commandId,
      accountId: attempt.ctx.accountId,
      type: attempt.request.type,
      idempotencyKey: attempt.ctx.idempotencyKey,
      requestHash: attempt.hash,
      payload: attempt.request.payload,
      wallTime: new Date(this.config.wallClock.now()).toISOString(),
      virtualTime: env.at,
      outcome,
    };
  }
}

function rejected(error: DomainError): CommandOutcome {
  return { ok: false, error: error.toJSON() };
}

function unwrap<R>(outcome: CommandOutcome): R {
  if (outcome.ok) return outcome.result as R;
  throw new DomainError(outcome.error.code as DomainError['code'], outcome.error.message, outcome.error.field, outcome.error.details);
}
