import { DomainError } from '../kernel/domain-error.js';

/** AccountCaller acts for one account through one of its tokens. */
export interface AccountCaller {
  readonly kind: 'account';
  readonly accountId: string;
  readonly tokenId: string;
  /** clusterId, when set, limits the token to that cluster's Kubernetes API. */
  readonly clusterId?: string;
}

/** AdminCaller holds TKESIM_ADMIN_TOKEN: it manages accounts and tokens, and owns no resources. */
export interface AdminCaller {
  readonly kind: 'admin';
}

/** Caller is whoever a request authenticated as; `anonymous` presented no token, `invalid` a bad one. */
export type Caller = AccountCaller | AdminCaller | { readonly kind: 'anonymous' } | { readonly kind: 'invalid' };

/** actorOf names the caller in event metadata. */
export function actorOf(caller: AccountCaller | AdminCaller): string {
  return caller.kind === 'admin' ? 'admin' : `token:${caller.tokenId}`;
}

/** requireAccount lets account callers through and answers everyone else as the API server would. */
export function requireAccount(caller: Caller | undefined): AccountCaller {
  if (caller?.kind === 'account') return caller;
  if (caller?.kind === 'admin') {
    throw new DomainError('FORBIDDEN', 'Forbidden: the admin token owns no resources; use an account token');
  }
  throw unauthenticated(caller);
}

/** requireAdmin lets only the admin token through. */
export function requireAdmin(caller: Caller | undefined): AdminCaller {
  if (caller?.kind === 'admin') return caller;
  if (caller?.kind === 'account') throw new DomainError('FORBIDDEN', 'Forbidden: only the admin token can do this');
  throw unauthenticated(caller);
}

function unauthenticated(caller: Caller | undefined): DomainError {
  const why = caller?.kind === 'invalid' ? 'the bearer token is not valid' : 'no bearer token was presented';
  return new DomainError('UNAUTHENTICATED', `Unauthorized: ${why}`);
}
