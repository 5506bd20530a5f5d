import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { formatFieldErrors, validateObject, type KubeObject, type StorageClass } from '../../../emulator/kube/index.js';
import { validateCbsStorageClass } from '../../../emulator/storage/index.js';
import type { CommandContext } from '../../../platform/commands/command-context.js';
import { CommandPipeline, viewTarget } from '../../../platform/commands/command-pipeline.js';
import { DomainError } from '../../../platform/kernel/index.js';
import { decideKube } from '../kube/kube.decider.js';
import { KubeReadModel } from '../kube/kube.read-model.js';
import { kubeStream, type WriteMode } from '../kube/kube.types.js';
import { checkNetworkObjects } from '../kube/network-checks.js';

/** WriteObjectInput is one whole, defaulted object to create, or to update (under its resourceVersion when it carries one). */
export interface WriteObjectInput {
  readonly clusterId: string;
  readonly object: KubeObject;
  readonly mode: WriteMode;
}

/** WriteObjectCommand creates or replaces one object, as the Kubernetes API's POST and PUT do. */
export class WriteObjectCommand extends Command<void> {
  constructor(readonly ctx: CommandContext, readonly input: WriteObjectInput) {
    super();
  }
}

/** WriteObjectHandler validates the object and records it in the cluster's stream; readers see it once the emulator is idle. */
@CommandHandler(WriteObjectCommand)
export class WriteObjectHandler implements ICommandHandler<WriteObjectCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly kube: KubeReadModel,
  ) {}

  execute({ ctx, input }: WriteObjectCommand): Promise<void> {
    const { clusterId, object, mode } = input;
    return this.pipeline.run(ctx, { type: mode === 'create' ? 'CreateObject' : mode === 'status' ? 'UpdateObjectStatus' : 'UpdateObject', payload: input }, (env) => {
      // TKE's own check on top of Kubernetes': a CBS StorageClass names a disk type CBS has.
      const cbs = object.kind === 'StorageClass' ? validateCbsStorageClass(object as unknown as StorageClass) : [];
      const errors = formatFieldErrors([...validateObject(object as unknown as Record<string, unknown>), ...cbs]);
      if (errors.length > 0) throw new DomainError('BAD_USER_INPUT', `${object.kind} "${object.metadata.name}" is invalid: ${errors.join(', ')}`, 'object', errors);
      const cluster = this.kube.cluster(ctx.accountId, clusterId);
      if (cluster) checkNetworkObjects(cluster, [object]);
      const data = { accountId: ctx.accountId, clusterId, object, mode, at: env.at };
      return {
        targets: [viewTarget(decideKube, kubeStream(clusterId), { type: 'WriteObject', data }, { state: cluster, version: cluster?.streamVersion ?? 0 })],
      };
    });
  }
}
