import { Args, Context, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ClockMode } from '../../emulator/clock/index.js';
import { ClockCommands, type ClockView } from '../clock/clock.commands.js';
import { requireAccount } from '../tenancy/caller.js';
import { commandContext, type GqlContext } from './graphql-context.js';

/** ClockResolver reads and moves the caller's virtual clock. */
@Resolver()
export class ClockResolver {
  constructor(private readonly clocks: ClockCommands) {}

  @Query('clock')
  clock(@Context() ctx: GqlContext): ClockView {
    return this.clocks.view(requireAccount(ctx.caller).accountId);
  }

  @Mutation('advanceClock')
  advanceClock(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('seconds') seconds: number): Promise<ClockView> {
    return this.clocks.advance(commandContext(ctx, info), seconds);
  }

  @Mutation('setClockMode')
  setClockMode(
    @Context() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
    @Args('mode') mode: ClockMode,
    @Args('speed') speed: number | null,
  ): Promise<ClockView> {
    return this.clocks.setMode(commandContext(ctx, info), mode, speed);
  }
}
