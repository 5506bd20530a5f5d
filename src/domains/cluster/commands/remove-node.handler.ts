import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, target } from '../../../platform/commands/command-pipeline.js';
import { clusterDecider } from '../cluster/cluster.decider.js';
import { clusterStream } from '../cluster/cluster.types.js';
import { RemoveNodeCommand } from './cluster.commands.js';

/** RemoveNodeHandler takes a node out of its cluster and terminates its CVM. */
@CommandHandler(RemoveNodeCommand)
export class RemoveNodeHandler implements ICommandHandler<RemoveNodeCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ ctx, input }: RemoveNodeCommand): Promise<{ nodeName: string }> {
    return this.pipeline.run(ctx, { type: 'RemoveNode', payload: input }, (env) => ({
      targets: [
        target(
          clusterDecider,
          clusterStream(input.clusterId),
          { type: 'RemoveNode', data: { accountId: ctx.accountId, clusterId: input.clusterId, nodeName: input.nodeName, at: env.at } },
          input.expectedVersion ?? undefined,
        ),
      ],
      result: () => ({ nodeName: input.nodeName }),
    }));
  }
}
