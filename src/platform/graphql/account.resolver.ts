import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { notFound } from '../kernel/domain-error.js';
import { AccountsService, type IssuedToken } from '../tenancy/accounts.service.js';
import type { AccountView } from '../tenancy/accounts.projection.js';
import { requireAccount } from '../tenancy/caller.js';
import type { CreateAccountInput, CreateTokenInput } from '../../generated/graphql.js';
import type { GqlContext } from './graphql-context.js';

/** AccountResolver: who am I, and (for the admin) accounts and tokens. */
@Resolver()
export class AccountResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query('me')
  me(@Context() ctx: GqlContext): AccountView {
    const { accountId } = requireAccount(ctx.caller);
    return this.accounts.find(accountId) ?? failNotFound(accountId);
  }

  @Mutation('createAccount')
  async createAccount(@Context() ctx: GqlContext, @Args('input') input: CreateAccountInput) {
    const issued = await this.accounts.createAccount(ctx.caller, input);
    return { account: this.accounts.find(issued.account), token: issued.token };
  }

  @Mutation('createToken')
  createToken(@Context() ctx: GqlContext, @Args('input') input: CreateTokenInput | null): Promise<IssuedToken> {
    const caller = ctx.caller.kind === 'admin' ? ctx.caller : requireAccount(ctx.caller);
    return this.accounts.createToken(caller, input ?? {});
  }
}

function failNotFound(accountId: string): never {
  throw notFound('accounts', accountId);
}
