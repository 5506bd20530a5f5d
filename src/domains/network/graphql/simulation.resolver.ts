import { Args, Context, Info, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { simulateRequest, simulateTraffic } from '../../../emulator/dataplane/index.js';
import { getObject, type Ingress } from '../../../emulator/kube/index.js';
import type { SimulateRequestInput, SimulateTrafficInput } from '../../../generated/graphql.js';
import type { CommandEnv } from '../../../platform/commands/command-env.js';
import { CommandPipeline, viewTarget } from '../../../platform/commands/command-pipeline.js';
import { commandContext, type GqlContext } from '../../../platform/graphql/graphql-context.js';
import { DomainError, notFound } from '../../../platform/kernel/index.js';
import { ClustersReadModel, KubeReadModel } from '../../cluster/index.js';
import { networkDecider } from '../model/network.decider.js';
import { networkStream, type NetworkCommand } from '../model/network.types.js';
import { NetworkReadModel } from '../projections/network.read-model.js';
import { buildNetworkWorld } from '../world/network-world.builder.js';
import { asUserInput } from './network-errors.js';
import { counts } from './load-balancer.view.js';

/** SimulationResolver sends simulated traffic through CLBs; each run draws from the account's generator and is recorded, so a replay agrees. */
@Resolver()
export class SimulationResolver {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusters: ClustersReadModel,
    private readonly kube: KubeReadModel,
    private readonly networks: NetworkReadModel,
  ) {}

  @Mutation('simulateTraffic')
  traffic(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: SimulateTrafficInput) {
    const command = commandContext(ctx, info);
    return this.pipeline.run(command, { type: 'SimulateTraffic', payload: input }, (env) => {
      const { clusterId, record } = this.networks.loadBalancer(command.accountId, input.loadBalancerId, 'loadBalancerId');
      if (!('clb' in record.spec)) throw new DomainError('BAD_USER_INPUT', `loadBalancerId: ${record.id} is the application CLB of ingress ${record.namespace}/${record.name}: use simulateRequest`, 'loadBalancerId');
      if (record.status !== 'Active') throw new DomainError('FAILED_PRECONDITION', `load balancer ${record.id} is still being provisioned (ready at ${record.readyAt})`, 'loadBalancerId');
      const clb = record.spec.clb;
      const random = () => env.random.next();
      const r = asUserInput(() => simulateTraffic(clb, this.world(command.accountId, clusterId), { requests: input.requests, ...(input.port == null ? {} : { port: input.port }) }, random));
      const recorded = { type: 'RecordTraffic' as const, data: { clusterId, loadBalancerId: record.id, requests: r.requests, delivered: r.delivered, perNode: { ...r.perNode }, at: env.at } };
      const result = { ...r, listenerPort: r.listener.port, nodePort: r.listener.nodePort, perNode: counts(r.perNode), perPod: counts(r.perPod), dropped: counts(r.dropped) };
      return { targets: [this.target(clusterId, recorded)], result: () => result };
    });
  }

  @Mutation('simulateRequest')
  request(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: SimulateRequestInput) {
    const command = commandContext(ctx, info);
    return this.pipeline.run(command, { type: 'SimulateRequest', payload: input }, (env: CommandEnv) => {
      const cluster = this.clusters.get(command.accountId, input.clusterId, 'clusterId');
      const [namespace, name] = input.ingress.includes('/') ? input.ingress.split('/', 2) : ['default', input.ingress];
      const kube = this.kube.cluster(command.accountId, cluster.id);
      const ingress = kube && getObject<Ingress>(kube, 'Ingress', namespace, name);
      if (!ingress) throw notFound('ingresses', input.ingress, 'ingress');
      const lb = Object.values(this.networks.network(cluster.id)?.loadBalancers ?? {}).find((l) => l.kind === 'Ingress' && l.namespace === namespace && l.name === name);
      if (lb?.status !== 'Active') throw new DomainError('FAILED_PRECONDITION', `ingress ${namespace}/${name} has no ready load balancer yet`, 'ingress');
      const outcome = asUserInput(() => simulateRequest(ingress, this.world(command.accountId, cluster.id), { host: input.host, path: input.path }, () => env.random.next()));
      const recorded = { type: 'RecordRequest' as const, data: { clusterId: cluster.id, ingress: `${namespace}/${name}`, host: input.host, path: input.path, status: outcome.status, at: env.at } };
      const result = { ...outcome, loadBalancerId: lb.id, servicePort: outcome.servicePort === undefined ? null : String(outcome.servicePort) };
      return { targets: [this.target(cluster.id, recorded)], result: () => result };
    });
  }

  private target(clusterId: string, command: NetworkCommand) {
    const network = this.networks.network(clusterId)!;
    return viewTarget(networkDecider.decide, networkStream(clusterId), command, { state: network, version: network.streamVersion });
  }

  private world(accountId: string, clusterId: string) {
    const cluster = this.clusters.get(accountId, clusterId, 'clusterId');
    return buildNetworkWorld(cluster, this.kube.cluster(accountId, clusterId), this.networks.network(clusterId));
  }
}
