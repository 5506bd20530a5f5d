import { CommandBus } from '@nestjs/cqrs';
import { Args, Context, Info, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ApplyManifestInput, DeleteResourceInput } from '../../../generated/graphql.js';
import { commandContext, type GqlContext } from '../../../platform/graphql/graphql-context.js';
import { ApplyManifestCommand } from '../commands/apply-manifest.handler.js';
import { DeleteResourceCommand } from '../commands/delete-resource.handler.js';
import { ClusterEmulator } from '../emulator/cluster-emulator.js';

/** KubeResolver changes the objects inside a cluster. */
@Resolver()
export class KubeResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly emulator: ClusterEmulator,
  ) {}

  @Mutation('applyManifest')
  async applyManifest(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: ApplyManifestInput) {
    const objects = await this.commands.execute(new ApplyManifestCommand(commandContext(ctx, info), input));
    await this.emulator.idle();
    return { objects };
  }

  @Mutation('deleteResource')
  async deleteResource(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: DeleteResourceInput) {
    const deleted = await this.commands.execute(new DeleteResourceCommand(commandContext(ctx, info), input));
    await this.emulator.idle();
    return deleted;
  }
}
