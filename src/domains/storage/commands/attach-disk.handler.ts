import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { getObject, LABEL_ZONE, type Node } from '../../../emulator/kube/index.js';
import { CommandPipeline } from '../../../platform/commands/command-pipeline.js';
import { notFound } from '../../../platform/kernel/index.js';
import { KubeReadModel } from '../../cluster/index.js';
import { DisksReadModel } from '../projections/disks.read-model.js';
import { AttachDiskCommand, type DiskResult } from './disk.commands.js';
import { runDiskCommand } from './run-disk-command.js';

/** AttachDiskHandler starts attaching a disk to a node: the node's zone and its disk count come from the cluster and the disks read model. */
@CommandHandler(AttachDiskCommand)
export class AttachDiskHandler implements ICommandHandler<AttachDiskCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly kube: KubeReadModel,
    private readonly disks: DisksReadModel,
  ) {}

  execute({ ctx, input }: AttachDiskCommand): Promise<DiskResult> {
    const { diskId, clusterId, nodeName } = input;
    return runDiskCommand(this.pipeline, ctx, { type: 'AttachDisk', payload: input }, (env) => {
      const cluster = this.kube.cluster(ctx.accountId, clusterId);
      if (!cluster) throw notFound('clusters', clusterId, 'clusterId');
      const node = getObject<Node>(cluster, 'Node', undefined, nodeName);
      if (!node) throw notFound('nodes', nodeName, 'nodeName');
      const nodeZone = node.metadata.labels?.[LABEL_ZONE] ?? '';
      const disksOnNode = this.disks.onNode(ctx.accountId, clusterId, nodeName);
      return { type: 'AttachDisk', data: { accountId: ctx.accountId, diskId, nodeName, nodeZone, disksOnNode, clusterId, at: env.at } };
    });
  }
}
