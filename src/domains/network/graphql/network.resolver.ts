import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SeededRandom, seedFromText } from '../../../emulator/clock/index.js';
import { formatTrace, tracePacket, type TraceInput } from '../../../emulator/dataplane/index.js';
import { vpcRouteTable } from '../../../emulator/network/index.js';
import type { TracePacketInput } from '../../../generated/graphql.js';
import type { GqlContext } from '../../../platform/graphql/graphql-context.js';
import { requireAccount } from '../../../platform/tenancy/caller.js';
import { ClustersReadModel, KubeReadModel, type ClusterView } from '../../cluster/index.js';
import { NetworkReadModel } from '../projections/network.read-model.js';
import { buildNetworkWorld, settingsOf } from '../world/network-world.builder.js';
import { asUserInput } from './network-errors.js';
import { loadBalancerView } from './load-balancer.view.js';

/** NetworkResolver shows a cluster's network (mode, routes, VPC tables, CLBs) and traces packets through it. */
@Resolver('Cluster')
export class NetworkResolver {
  constructor(
    private readonly clusters: ClustersReadModel,
    private readonly kube: KubeReadModel,
    private readonly networks: NetworkReadModel,
  ) {}

  @ResolveField('networkMode')
  networkMode(@Parent() cluster: ClusterView) {
    return settingsOf(cluster).mode;
  }

  @ResolveField('routeQuota')
  routeQuota(@Parent() cluster: ClusterView) {
    return settingsOf(cluster).routeQuota;
  }

  @ResolveField('vpc')
  vpc(@Parent() cluster: ClusterView) {
    return { id: settingsOf(cluster).vpcId, cidr: cluster.vpcCidr };
  }

  @ResolveField('routes')
  routes(@Parent() cluster: ClusterView) {
    return this.networks.network(cluster.id)?.routes ?? [];
  }

  @ResolveField('vpcRoutes')
  vpcRoutes(@Parent() cluster: ClusterView) {
    return vpcRouteTable(this.world(cluster)).map((r) => ({ destination: r.destination, hostIp: r.hostIp, nodeName: r.target.kind === 'cvm' ? r.target.nodeName : null, cdbInstanceId: r.target.kind === 'cdb' ? r.target.id : null }));
  }

  @ResolveField('loadBalancers')
  loadBalancers(@Parent() cluster: ClusterView) {
    return Object.values(this.networks.network(cluster.id)?.loadBalancers ?? {}).map((lb) => loadBalancerView(cluster.id, lb));
  }

  @Query('loadBalancers')
  list(@Context() ctx: GqlContext, @Args('clusterId') clusterId: string) {
    return this.loadBalancers(this.clusters.get(requireAccount(ctx.caller).accountId, clusterId, 'clusterId'));
  }

  @Query('loadBalancer')
  one(@Context() ctx: GqlContext, @Args('id') id: string) {
    const { clusterId, record } = this.networks.loadBalancer(requireAccount(ctx.caller).accountId, id);
    return loadBalancerView(clusterId, record);
  }

  /** tracePacket draws service endpoints from a generator seeded by the question, so the same question gets the same answer and the account's generator is left alone. */
  @Query('tracePacket')
  trace(@Context() ctx: GqlContext, @Args('input') input: TracePacketInput) {
    const cluster = this.clusters.get(requireAccount(ctx.caller).accountId, input.clusterId, 'clusterId');
    const question: TraceInput = { from: input.from, to: input.to, ...(input.port == null ? {} : { port: input.port }), ...(input.protocol == null ? {} : { protocol: input.protocol as TraceInput['protocol'] }) };
    const random = new SeededRandom(seedFromText(JSON.stringify({ clusterId: cluster.id, ...question })));
    const trace = asUserInput(() => tracePacket(this.world(cluster), question, () => random.next()));
    return { ...trace, lines: formatTrace(trace) };
  }

  private world(cluster: ClusterView) {
    return buildNetworkWorld(cluster, this.kube.cluster(cluster.accountId, cluster.id), this.networks.network(cluster.id));
  }
}
