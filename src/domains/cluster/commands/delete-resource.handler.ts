import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeleteResourceInput } from '../../../generated/graphql.js';
import type { CommandContext } from '../../../platform/commands/command-context.js';
import { CommandPipeline, viewTarget } from '../../../platform/commands/command-pipeline.js';
import { decideKube } from '../kube/kube.decider.js';
import { KubeReadModel } from '../kube/kube.read-model.js';
import { kubeStream } from '../kube/kube.types.js';
import { namespaced } from '../kube/resources.js';

/** DeleteResourceCommand deletes one Kubernetes object. */
export class DeleteResourceCommand extends Command<{ kind: string; namespace: string | null; name: string }> {
  constructor(readonly ctx: CommandContext, readonly input: DeleteResourceInput) {
    super();
  }
}

/** DeleteResourceHandler records the deletion; pods then terminate gracefully and the garbage collector cascades. */
@CommandHandler(DeleteResourceCommand)
export class DeleteResourceHandler implements ICommandHandler<DeleteResourceCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly kube: KubeReadModel,
  ) {}

  execute({ ctx, input }: DeleteResourceCommand) {
    const namespace = namespaced(input.kind) ? (input.namespace ?? 'default') : null;
    return this.pipeline.run(ctx, { type: 'DeleteResource', payload: input }, (env) => {
      const cluster = this.kube.cluster(ctx.accountId, input.clusterId);
      const policy = input.propagationPolicy === 'Foreground' || input.propagationPolicy === 'Orphan' ? { propagationPolicy: input.propagationPolicy } : {};
      const data = { accountId: ctx.accountId, clusterId: input.clusterId, kind: input.kind, namespace, name: input.name, at: env.at, ...policy };
      return {
        targets: [viewTarget(decideKube, kubeStream(input.clusterId), { type: 'DeleteObject', data }, { state: cluster, version: cluster?.streamVersion ?? 0 })],
        result: () => ({ kind: input.kind, namespace, name: input.name }),
      };
    });
  }
}
