import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { prepareManifest, type KubeObject, type StorageClass } from '../../../emulator/kube/index.js';
import { formatFieldErrors } from '../../../emulator/kube/validation/field-error.js';
import { validateCbsStorageClass } from '../../../emulator/storage/index.js';
import type { ApplyManifestInput } from '../../../generated/graphql.js';
import type { CommandContext } from '../../../platform/commands/command-context.js';
import { CommandPipeline, viewTarget } from '../../../platform/commands/command-pipeline.js';
import { DomainError } from '../../../platform/kernel/index.js';
import { planApply } from '../kube/apply-objects.js';
import { decideKube } from '../kube/kube.decider.js';
import { checkNetworkObjects } from '../kube/network-checks.js';
import { KubeReadModel } from '../kube/kube.read-model.js';
import { kubeStream, type AppliedObject } from '../kube/kube.types.js';

/** tkeProblems are what TKE refuses on top of Kubernetes' validation: a CBS StorageClass must name a disk type CBS has. */
function tkeProblems(object: KubeObject): string[] {
  if (object.kind !== 'StorageClass') return [];
  return formatFieldErrors(validateCbsStorageClass(object as unknown as StorageClass)).map((e) => `StorageClass "${object.metadata.name}" is invalid: ${e}`);
}

/** ApplyManifestCommand applies multi-document YAML to a cluster. */
export class ApplyManifestCommand extends Command<AppliedObject[]> {
  constructor(readonly ctx: CommandContext, readonly input: ApplyManifestInput) {
    super();
  }
}

/** prepared validates and defaults every document, or rejects the whole manifest listing every problem. */
function prepared(yaml: string): KubeObject[] {
  const result = prepareManifest(yaml);
  const errors = result.ok ? [] : [...result.errors];
  for (const object of result.ok ? result.objects : []) errors.push(...tkeProblems(object));
  if (errors.length === 0 && result.ok) return result.objects;
  const summary = errors.length === 1 ? errors[0] : `${errors.length} problems, nothing applied: ${errors.join('; ')}`;
  throw new DomainError('BAD_USER_INPUT', summary, 'yaml', errors);
}

/** ApplyManifestHandler creates or configures every object of a manifest in one commit; unchanged ones write nothing. */
@CommandHandler(ApplyManifestCommand)
export class ApplyManifestHandler implements ICommandHandler<ApplyManifestCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly kube: KubeReadModel,
  ) {}

  execute({ ctx, input }: ApplyManifestCommand): Promise<AppliedObject[]> {
    return this.pipeline.run(ctx, { type: 'ApplyManifest', payload: input }, (env) => {
      const objects = prepared(input.yaml);
      const cluster = this.kube.cluster(ctx.accountId, input.clusterId);
      if (cluster) checkNetworkObjects(cluster, objects);
      const data = { accountId: ctx.accountId, clusterId: input.clusterId, objects, at: env.at };
      return {
        targets: [viewTarget(decideKube, kubeStream(input.clusterId), { type: 'ApplyObjects', data }, { state: cluster, version: cluster?.streamVersion ?? 0 })],
        result: () => (cluster ? planApply(cluster, objects, env.at).applied : []),
      };
    });
  }
}
