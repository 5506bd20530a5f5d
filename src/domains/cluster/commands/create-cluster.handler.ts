import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DEFAULT_REGION, DEFAULT_ZONE } from '../../../emulator/iaas/index.js';
import { CommandPipeline, target } from '../../../platform/commands/command-pipeline.js';
import { uniqueNameDecider } from '../../../platform/naming/unique-name.decider.js';
import { clusterDecider } from '../cluster/cluster.decider.js';
import { clusterNameStream, clusterStream, type ClusterSpec } from '../cluster/cluster.types.js';
import { DEFAULT_KUBERNETES_VERSION } from '../cluster/kubernetes-versions.js';
import { ClustersReadModel } from '../projections/clusters.read-model.js';
import { CreateClusterCommand, type CreateClusterInput } from './cluster.commands.js';

/** withDefaults fills what the caller left out with the seed's values. */
export function withDefaults(input: CreateClusterInput): ClusterSpec {
  return {
    name: input.name,
    description: input.description ?? '',
    region: input.region ?? DEFAULT_REGION,
    zone: input.zone ?? DEFAULT_ZONE,
    vpcCidr: input.vpcCidr ?? '172.0.0.0/24',
    podCidr: input.podCidr ?? '10.0.0.0/14',
    serviceCidr: input.serviceCidr ?? '172.16.0.0/16',
    kubernetesVersion: input.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    networkMode: input.networkMode ?? 'GlobalRouter',
    routeQuota: input.routeQuota ?? 200,
  };
}

/** CreateClusterHandler creates the cluster and claims its name in one commit. */
@CommandHandler(CreateClusterCommand)
export class CreateClusterHandler implements ICommandHandler<CreateClusterCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusters: ClustersReadModel,
  ) {}

  execute({ ctx, input }: CreateClusterCommand): Promise<{ clusterId: string }> {
    const spec = withDefaults(input);
    return this.pipeline.run(ctx, { type: 'CreateCluster', payload: spec }, (env) => {
      let clusterId = `cls-${env.random.chars(8)}`;
      // Ids are unique across accounts; another account with the same seed draws on.
      while (this.clusters.isTaken(clusterId)) clusterId = `cls-${env.random.chars(8)}`;
      const claim = { name: spec.name, owner: clusterId, resource: 'clusters', field: 'name' };
      return {
        targets: [
          target(clusterDecider, clusterStream(clusterId), { type: 'CreateCluster', data: { ...spec, clusterId, accountId: ctx.accountId, createdAt: env.at } }),
          target(uniqueNameDecider, clusterNameStream(ctx.accountId, spec.name), { type: 'ClaimName', data: claim }),
        ],
        result: () => ({ clusterId }),
      };
    });
  }
}
