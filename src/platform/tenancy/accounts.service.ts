import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { seedFromText } from '../../emulator/clock/index.js';
import { clockDecider, clockStream } from '../clock/clock.decider.js';
import { CommandPipeline, target } from '../commands/command-pipeline.js';
import { TKESIM_CONFIG, type TkesimConfig } from '../config/tkesim-config.js';
import { DomainError, notFound } from '../kernel/domain-error.js';
import { ProjectionService } from '../projections/projection.service.js';
import { accountDecider, accountStream } from './account.decider.js';
import type { AccountsState, AccountView } from './accounts.projection.js';
import { actorOf, requireAdmin, type AccountCaller, type AdminCaller, type Caller } from './caller.js';
import { hashToken, newToken, sameSecret, tokenId } from './tokens.js';

/** IssuedToken is a token shown once, at creation. */
export interface IssuedToken {
  readonly account: string;
  readonly id: string;
  readonly token: string;
}

/** AccountsService authenticates tokens and creates accounts and tokens. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly projections: ProjectionService,
    @Inject(TKESIM_CONFIG) private readonly config: TkesimConfig,
  ) {}

  /** authenticate maps a bearer token to its caller. */
  authenticate(token: string | undefined): Caller {
    if (!token) return { kind: 'anonymous' };
    if (this.config.adminToken && sameSecret(token, this.config.adminToken)) return { kind: 'admin' };
    const found = this.state().tokens[hashToken(token)];
    if (!found) return { kind: 'invalid' };
    return found.clusterId ? { kind: 'account', accountId: found.accountId, tokenId: found.tokenId, clusterId: found.clusterId } : { kind: 'account', accountId: found.accountId, tokenId: found.tokenId };
  }

  find(accountId: string): AccountView | undefined {
    return this.state().accounts[accountId];
  }

  /** createAccount (admin only) creates an account, starts its clock, and returns its first token. */
  async createAccount(caller: Caller, input: { name: string; seed?: string | null }, token = newToken()): Promise<IssuedToken> {
    const admin = requireAdmin(caller);
    const hash = hashToken(token);
    const randomSeed = input.seed ? seedFromText(input.seed) : randomBytes(4).readUInt32BE();
    const wallAt = new Date(this.config.wallClock.now()).toISOString();
    await this.pipeline.run({ accountId: input.name, actor: actorOf(admin) }, { type: 'CreateAccount', payload: input }, (env) => ({
      targets: [
        target(accountDecider, accountStream(input.name), {
          type: 'CreateAccount',
          data: { name: input.name, randomSeed, createdAt: env.at, token: { tokenId: tokenId(hash), tokenHash: hash, label: 'initial' } },
        }),
        target(clockDecider, clockStream(input.name), { type: 'StartClock', data: { mode: 'realtime', speed: 1, at: env.at, wallAt } }),
      ],
    }));
    return { account: input.name, id: tokenId(hash), token };
  }

  /** createToken issues a token for the caller's own account, or for any account when the caller is admin. */
  async createToken(caller: AccountCaller | AdminCaller, input: { account?: string | null; label?: string | null }, token = newToken()): Promise<IssuedToken> {
    const accountId = caller.kind === 'account' ? caller.accountId : input.account;
    if (!accountId) throw new DomainError('BAD_USER_INPUT', 'account: Required value: the admin token must name an account', 'account');
    if (caller.kind === 'account' && input.account && input.account !== accountId) throw notFound('accounts', input.account, 'account');
    const hash = hashToken(token);
    const data = { accountId, tokenId: tokenId(hash), tokenHash: hash, label: input.label ?? '' };
    await this.pipeline.run({ accountId, actor: actorOf(caller) }, { type: 'IssueToken', payload: { ...input, account: accountId } }, (env) => ({
      targets: [target(accountDecider, accountStream(accountId), { type: 'IssueToken', data: { ...data, issuedAt: env.at } })],
    }));
    return { account: accountId, id: data.tokenId, token };
  }

  /** issueClusterToken issues a token of the caller's account that opens only one cluster's Kubernetes API (for a kubeconfig). */
  async issueClusterToken(caller: AccountCaller, clusterId: string, token = newToken()): Promise<IssuedToken> {
    const hash = hashToken(token);
    const data = { accountId: caller.accountId, tokenId: tokenId(hash), tokenHash: hash, label: `kubeconfig:${clusterId}`.slice(0, 63), clusterId };
    await this.pipeline.run({ accountId: caller.accountId, actor: actorOf(caller) }, { type: 'IssueClusterToken', payload: { clusterId } }, (env) => ({
      targets: [target(accountDecider, accountStream(caller.accountId), { type: 'IssueToken', data: { ...data, issuedAt: env.at } })],
    }));
    return { account: caller.accountId, id: data.tokenId, token };
  }

  /** ensureAccount creates the account if missing and makes sure the given token opens it. */
  async ensureAccount(name: string, token: string, seed?: string): Promise<void> {
    const admin: AdminCaller = { kind: 'admin' };
    if (!this.find(name)) await this.createAccount(admin, { name, seed: seed ?? name }, token);
    else if (!this.state().tokens[hashToken(token)]) await this.createToken(admin, { account: name, label: 'sandbox' }, token);
  }

  private state(): AccountsState {
    return this.projections.state<AccountsState>('accounts');
  }
}
