import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import type { CommandContext } from '../commands/command-context.js';
import { actorOf, requireAccount, type Caller } from '../tenancy/caller.js';

/** GqlContext is what every resolver gets: the caller, and the request's idempotency key if any. */
export interface GqlContext {
  readonly caller: Caller;
  readonly idempotencyKey?: string;
  readonly requestId: string;
  /** origin is where the client reached this server (`http://host:port`), for URLs handed back to it. */
  readonly origin?: string;
}

type ConnectionParams = Record<string, unknown> | undefined;

/** bearerOf reads `Authorization: Bearer <token>` from HTTP headers or graphql-ws connection params. */
export function bearerOf(req: IncomingMessage | undefined, params: ConnectionParams): string | undefined {
  const headers = params?.headers as Record<string, unknown> | undefined;
  const raw = req?.headers.authorization ?? params?.Authorization ?? params?.authorization ?? headers?.Authorization ?? headers?.authorization;
  if (typeof raw === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(raw.trim());
    return match ? match[1].trim() : undefined;
  }
  return typeof params?.token === 'string' ? params.token : undefined;
}

/** buildContext authenticates one HTTP request or one graphql-ws subscription. */
export function buildContext(arg: unknown, authenticate: (token: string | undefined) => Caller): GqlContext {
  const input = arg as { req?: IncomingMessage; connectionParams?: ConnectionParams; extra?: { request?: IncomingMessage } };
  const isSocket = input.connectionParams !== undefined || input.extra !== undefined;
  const req = isSocket ? undefined : input.req;
  const token = bearerOf(req, input.connectionParams);
  const key = req?.headers['idempotency-key'];
  const caller = authenticate(token);
  return {
    // A kubeconfig's cluster-scoped token opens that cluster's Kubernetes API, not the account's GraphQL API.
    caller: caller.kind === 'account' && caller.clusterId ? { kind: 'invalid' } : caller,
    idempotencyKey: typeof key === 'string' && key !== '' ? key : undefined,
    requestId: randomUUID(),
    ...(req?.headers.host ? { origin: `${req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'}://${req.headers.host}` } : {}),
  };
}

/** commandContext turns a request into the context of the command one mutation field issues. */
export function commandContext(ctx: GqlContext, info?: GraphQLResolveInfo): CommandContext {
  const caller = requireAccount(ctx.caller);
  const field = info?.path.key;
  return {
    accountId: caller.accountId,
    actor: actorOf(caller),
    correlationId: ctx.requestId,
    idempotencyKey: ctx.idempotencyKey === undefined ? undefined : field ? `${ctx.idempotencyKey}:${field}` : ctx.idempotencyKey,
  };
}
