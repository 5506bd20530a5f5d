import { Args, Context, Info, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ClockService } from '../../../platform/clock/clock.service.js';
import { CommandPipeline, viewTarget } from '../../../platform/commands/command-pipeline.js';
import { commandContext, type GqlContext } from '../../../platform/graphql/graphql-context.js';
import { ClusterEmulator } from '../emulator/cluster-emulator.js';
import { decideKube } from '../kube/kube.decider.js';
import { KubeReadModel } from '../kube/kube.read-model.js';
import { kubeStream, type KubeCommand } from '../kube/kube.types.js';
import { ClustersReadModel } from '../projections/clusters.read-model.js';
import { withKubeNodeStatus } from './node-status.js';

/** FaultsResolver lets a learner break things: fail and recover nodes, crash containers. */
@Resolver()
export class FaultsResolver {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly kube: KubeReadModel,
    private readonly clusters: ClustersReadModel,
    private readonly emulator: ClusterEmulator,
    private readonly clocks: ClockService,
  ) {}

  @Mutation('failNode')
  async failNode(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('clusterId') clusterId: string, @Args('nodeName') nodeName: string) {
    const accountId = await this.run(ctx, info, { clusterId, nodeName }, (account, at) => ({ type: 'FailNode', data: { accountId: account, clusterId, nodeName, at } }));
    return this.node(accountId, clusterId, nodeName);
  }

  @Mutation('recoverNode')
  async recoverNode(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('clusterId') clusterId: string, @Args('nodeName') nodeName: string) {
    const accountId = await this.run(ctx, info, { clusterId, nodeName }, (account, at) => ({ type: 'RecoverNode', data: { accountId: account, clusterId, nodeName, at } }));
    return this.node(accountId, clusterId, nodeName);
  }

  @Mutation('crashContainer')
  async crashContainer(
    @Context() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
    @Args('clusterId') clusterId: string,
    @Args('namespace') namespace: string,
    @Args('pod') name: string,
    @Args('container') container: string | null,
    @Args('exitCode') exitCode: number,
  ) {
    const payload = { clusterId, namespace, pod: name, container, exitCode };
    const accountId = await this.run(ctx, info, payload, (account, at) => ({ type: 'CrashContainer', data: { accountId: account, clusterId, namespace, name, container, exitCode, at } }));
    return this.kube.pod(this.kube.cluster(accountId, clusterId)!, namespace, name);
  }

  /** run records the fault as a command against the cluster's live objects, lets the cluster settle, and returns the account. */
  private async run(ctx: GqlContext, info: GraphQLResolveInfo, payload: { clusterId: string; [field: string]: unknown }, build: (accountId: string, at: string) => KubeCommand): Promise<string> {
    const command = commandContext(ctx, info);
    const { clusterId } = payload;
    await this.pipeline.run(command, { type: info.fieldName, payload }, (env) => {
      const cluster = this.kube.cluster(command.accountId, clusterId);
      return { targets: [viewTarget(decideKube, kubeStream(clusterId), build(command.accountId, env.at), { state: cluster, version: cluster?.streamVersion ?? 0 })] };
    });
    await this.emulator.idle();
    return command.accountId;
  }

  private node(accountId: string, clusterId: string, nodeName: string) {
    const cluster = this.clusters.get(accountId, clusterId);
    return withKubeNodeStatus(cluster.nodes, this.kube.cluster(accountId, clusterId), this.clocks.now(accountId)).find((n) => n.name === nodeName);
  }
}
