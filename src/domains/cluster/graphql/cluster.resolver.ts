import { CommandBus } from '@nestjs/cqrs';
import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { instanceTypes, regions } from '../../../emulator/iaas/index.js';
import { pageOfList } from '../../../platform/graphql/connection.js';
import { commandContext, type GqlContext } from '../../../platform/graphql/graphql-context.js';
import { requireAccount } from '../../../platform/tenancy/caller.js';
import {
  AddNodesCommand,
  CreateClusterCommand,
  DeleteClusterCommand,
  RemoveNodeCommand,
  type AddNodesInput,
  type CreateClusterInput,
  type DeleteClusterInput,
  type RemoveNodeInput,
} from '../commands/index.js';
import { ClusterEmulator } from '../emulator/cluster-emulator.js';
import { ClustersReadModel } from '../projections/clusters.read-model.js';
import type { ClusterView } from '../projections/clusters.projection.js';

/** ClusterResolver: clusters and nodes, read from the projection and changed through commands. */
@Resolver('Cluster')
export class ClusterResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly clusters: ClustersReadModel,
    private readonly emulator: ClusterEmulator,
  ) {}

  @Query('clusters')
  list(@Context() ctx: GqlContext, @Args('first') first: number | null, @Args('after') after: string | null) {
    return pageOfList(this.clusters.list(requireAccount(ctx.caller).accountId), 'cluster', (c) => c.id, first, after);
  }

  @Query('cluster')
  cluster(@Context() ctx: GqlContext, @Args('id') id: string): ClusterView {
    return this.clusters.get(requireAccount(ctx.caller).accountId, id);
  }

  @Query('instanceTypes')
  instanceTypes() {
    return instanceTypes;
  }

  @Query('regions')
  regions() {
    return Object.entries(regions).map(([name, zones]) => ({ name, zones }));
  }

  @ResolveField('nodeCount')
  nodeCount(@Parent() cluster: ClusterView): number {
    return cluster.nodes.length;
  }

  @Mutation('createCluster')
  async createCluster(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: CreateClusterInput) {
    const command = commandContext(ctx, info);
    const { clusterId } = await this.commands.execute(new CreateClusterCommand(command, input));
    return { cluster: this.clusters.get(command.accountId, clusterId) };
  }

  @Mutation('addNodes')
  async addNodes(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: AddNodesInput) {
    const command = commandContext(ctx, info);
    const { nodeNames } = await this.commands.execute(new AddNodesCommand(command, input));
    await this.emulator.idle();
    const cluster = this.clusters.get(command.accountId, input.clusterId);
    return { cluster, nodes: cluster.nodes.filter((n) => nodeNames.includes(n.name)) };
  }

  @Mutation('removeNode')
  async removeNode(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: RemoveNodeInput) {
    const command = commandContext(ctx, info);
    const { nodeName } = await this.commands.execute(new RemoveNodeCommand(command, input));
    await this.emulator.idle();
    return { cluster: this.clusters.get(command.accountId, input.clusterId), removedNode: nodeName };
  }

  @Mutation('deleteCluster')
  deleteCluster(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: DeleteClusterInput) {
    return this.commands.execute(new DeleteClusterCommand(commandContext(ctx, info), input));
  }
}
