import { CommandBus } from '@nestjs/cqrs';
import { Args, Context, Info, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { DeleteResourceInput } from '../../../generated/graphql.js';
import { commandContext, type GqlContext } from '../../../platform/graphql/graphql-context.js';
import { DeleteResourceCommand } from '../commands/delete-resource.handler.js';

/** KubeResolver changes the objects inside a cluster. */
@Resolver()
export class KubeResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation('deleteResource')
  deleteResource(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: DeleteResourceInput) {
    return this.commands.execute(new DeleteResourceCommand(commandContext(ctx, info), input));
  }
}
