import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, target } from '../../../platform/commands/command-pipeline.js';
import { uniqueNameDecider } from '../../../platform/naming/unique-name.decider.js';
import { clusterDecider } from '../cluster/cluster.decider.js';
import { clusterNameStream, clusterStream } from '../cluster/cluster.types.js';
import { ClustersReadModel } from '../projections/clusters.read-model.js';
import { DeleteClusterCommand } from './cluster.commands.js';

/** DeleteClusterHandler deletes the cluster, terminating its nodes, and frees its name in the same commit. */
@CommandHandler(DeleteClusterCommand)
export class DeleteClusterHandler implements ICommandHandler<DeleteClusterCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusters: ClustersReadModel,
  ) {}

  execute({ ctx, input }: DeleteClusterCommand): Promise<{ clusterId: string }> {
    const { clusterId } = input;
    return this.pipeline.run(ctx, { type: 'DeleteCluster', payload: input }, (env) => {
      const { name } = this.clusters.get(ctx.accountId, clusterId, 'clusterId');
      return {
        targets: [
          target(clusterDecider, clusterStream(clusterId), { type: 'DeleteCluster', data: { accountId: ctx.accountId, clusterId, at: env.at } }, input.expectedVersion ?? undefined),
          target(uniqueNameDecider, clusterNameStream(ctx.accountId, name), { type: 'ReleaseName', data: { name, owner: clusterId } }),
        ],
        result: () => ({ clusterId }),
      };
    });
  }
}
