import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DEFAULT_INSTANCE_TYPE } from '../../../emulator/iaas/index.js';
import { CommandPipeline, target } from '../../../platform/commands/command-pipeline.js';
import { clusterDecider } from '../cluster/cluster.decider.js';
import { clusterStream, MAX_NODES_PER_CALL, type ClusterEvent } from '../cluster/cluster.types.js';
import { AddNodesCommand } from './cluster.commands.js';

/** AddNodesHandler buys CVMs (their ids drawn from the account's generator) and joins them to the cluster. */
@CommandHandler(AddNodesCommand)
export class AddNodesHandler implements ICommandHandler<AddNodesCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ ctx, input }: AddNodesCommand): Promise<{ nodeNames: string[] }> {
    const instanceType = input.instanceType ?? DEFAULT_INSTANCE_TYPE;
    const payload = { ...input, instanceType };
    return this.pipeline.run(ctx, { type: 'AddNodes', payload }, (env) => {
      const valid = Number.isInteger(input.count) && input.count >= 1 && input.count <= MAX_NODES_PER_CALL;
      const instanceIds = valid ? Array.from({ length: input.count }, () => `ins-${env.random.chars(8)}`) : [];
      const data = { accountId: ctx.accountId, clusterId: input.clusterId, count: input.count, instanceType, instanceIds, at: env.at };
      return {
        targets: [target(clusterDecider, clusterStream(input.clusterId), { type: 'AddNodes', data }, input.expectedVersion ?? undefined)],
        result: (events) => ({ nodeNames: (events as ClusterEvent[]).flatMap((e) => (e.type === 'NodeAdded' ? [e.data.name] : [])) }),
      };
    });
  }
}
