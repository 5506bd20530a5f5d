import { Args, Context, Info, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { CreateCdbInstanceInput, CreateNatGatewayInput, CreateVpcPeeringInput, DeleteCdbInstanceInput, DeleteNatGatewayInput, DeleteVpcPeeringInput, NodePublicIpInput } from '../../../generated/graphql.js';
import type { CommandEnv } from '../../../platform/commands/command-env.js';
import { CommandPipeline, viewTarget } from '../../../platform/commands/command-pipeline.js';
import { commandContext, type GqlContext } from '../../../platform/graphql/graphql-context.js';
import type { DomainEvent } from '../../../platform/kernel/index.js';
import { ClustersReadModel, type ClusterView } from '../../cluster/index.js';
import { networkDecider } from '../model/network.decider.js';
import { networkStream, type NetworkCommand } from '../model/network.types.js';
import { CDB_DEFAULT_PORT, type EgressCommand } from '../model/egress.types.js';
import type { ClusterNetwork } from '../projections/network.projection.js';
import { NetworkReadModel } from '../projections/network.read-model.js';
import { cdbView, decided, natGatewayView, peeringView } from './egress.view.js';

type Planned<R> = { command: EgressCommand; result: (events: readonly DomainEvent[]) => R };
type Mutate = { cluster: ClusterView; network: ClusterNetwork; env: CommandEnv; at: string };

/** EgressResolver lets a user give a cluster's VPC its ways out (public IPs, NAT gateways, peerings) and cloud databases; ids and public IPs come from the account's seeded generator. */
@Resolver()
export class EgressResolver {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusters: ClustersReadModel,
    private readonly networks: NetworkReadModel,
  ) {}

  @Mutation('assignPublicIp')
  assign(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: NodePublicIpInput) {
    return this.run(ctx, info, 'AssignPublicIp', input, ({ cluster, env, at }) => {
      const node = cluster.nodes.find((n) => n.name === input.nodeName);
      const publicIp = this.publicIp(env);
      const command: EgressCommand = { type: 'AssignPublicIp', data: { clusterId: cluster.id, at, nodeName: input.nodeName, node: node && { instanceId: node.instanceId }, publicIp } };
      return { command, result: (events) => decided(events, 'PublicIpAssigned') };
    });
  }

  @Mutation('releasePublicIp')
  release(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: NodePublicIpInput) {
    return this.run(ctx, info, 'ReleasePublicIp', input, ({ cluster, network, at }) => {
      const current = network.egress.publicIps[input.nodeName];
      return { command: { type: 'ReleasePublicIp', data: { clusterId: cluster.id, at, nodeName: input.nodeName } }, result: () => current };
    });
  }

  @Mutation('createNatGateway')
  createNat(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: CreateNatGatewayInput) {
    return this.run(ctx, info, 'CreateNatGateway', input, ({ cluster, network, env, at }) => {
      const data = { clusterId: cluster.id, at, id: this.id('nat', env), publicIp: this.publicIp(env), bandwidthMbps: input.bandwidthMbps ?? 100 };
      return { command: { type: 'CreateNatGateway', data }, result: (events) => natGatewayView(cluster.id, network.settings!.vpcId, { ...decided(events, 'NatGatewayCreated') }) };
    });
  }

  @Mutation('deleteNatGateway')
  deleteNat(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: DeleteNatGatewayInput) {
    return this.run(ctx, info, 'DeleteNatGateway', input, ({ cluster, network, at }) => {
      const nat = network.egress.natGateways[input.natGatewayId];
      return { command: { type: 'DeleteNatGateway', data: { clusterId: cluster.id, at, id: input.natGatewayId } }, result: () => natGatewayView(cluster.id, network.settings!.vpcId, nat!) };
    });
  }

  @Mutation('createVpcPeering')
  createPeering(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: CreateVpcPeeringInput) {
    return this.run(ctx, info, 'CreateVpcPeering', input, ({ cluster, network, env, at }) => {
      const id = this.id('pcx', env);
      const basicNetwork = input.basicNetwork ?? false;
      const peerVpcId = basicNetwork ? undefined : (input.peerVpcId ?? `vpc-${env.random.chars(8)}`);
      const data = { clusterId: cluster.id, at, id, name: input.name ?? id, basicNetwork, ...(peerVpcId ? { peerVpcId } : {}), ...(input.peerVpcCidr == null ? {} : { peerVpcCidr: input.peerVpcCidr }) };
      return { command: { type: 'CreateVpcPeering', data }, result: (events) => peeringView(cluster.id, network.settings!.vpcId, decided(events, 'VpcPeeringCreated')) };
    });
  }

  @Mutation('deleteVpcPeering')
  deletePeering(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: DeleteVpcPeeringInput) {
    return this.run(ctx, info, 'DeleteVpcPeering', input, ({ cluster, network, at }) => {
      const peering = network.egress.peerings[input.peeringId];
      return { command: { type: 'DeleteVpcPeering', data: { clusterId: cluster.id, at, id: input.peeringId } }, result: () => peeringView(cluster.id, network.settings!.vpcId, peering!) };
    });
  }

  @Mutation('createCdbInstance')
  createCdb(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: CreateCdbInstanceInput) {
    return this.run(ctx, info, 'CreateCdbInstance', input, ({ cluster, env, at }) => {
      const id = this.id('cdb', env);
      const data = { clusterId: cluster.id, at, id, name: input.name ?? id, port: input.port ?? CDB_DEFAULT_PORT, nodeIps: cluster.nodes.map((n) => n.privateIp) };
      return { command: { type: 'CreateCdbInstance', data }, result: (events) => cdbView(cluster.id, decided(events, 'CdbInstanceCreated')) };
    });
  }

  @Mutation('deleteCdbInstance')
  deleteCdb(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: DeleteCdbInstanceInput) {
    return this.run(ctx, info, 'DeleteCdbInstance', input, ({ cluster, network, at }) => {
      const cdb = network.egress.cdbInstances[input.cdbInstanceId];
      return { command: { type: 'DeleteCdbInstance', data: { clusterId: cluster.id, at, id: input.cdbInstanceId } }, result: () => cdbView(cluster.id, cdb!) };
    });
  }

  /** run checks the caller owns the cluster, plans against the live network view, and decides in one append; a rejection leaves the log's events unchanged. */
  private run<R>(ctx: GqlContext, info: GraphQLResolveInfo, type: string, input: { clusterId: string }, plan: (m: Mutate) => Planned<R>): Promise<R> {
    const command = commandContext(ctx, info);
    return this.pipeline.run(command, { type, payload: input }, (env) => {
      const cluster = this.clusters.get(command.accountId, input.clusterId, 'clusterId');
      const network = this.networks.network(cluster.id)!;
      const planned = plan({ cluster, network, env, at: env.at });
      const target = viewTarget(networkDecider.decide, networkStream(cluster.id), planned.command as NetworkCommand, { state: network, version: network.streamVersion });
      return { targets: [target], result: planned.result };
    });
  }

  /** id draws `<prefix>-` and 8 characters, redrawing any id in use. */
  private id(prefix: string, env: CommandEnv): string {
    let id = `${prefix}-${env.random.chars(8)}`;
    while (this.networks.isEgressIdTaken(id)) id = `${prefix}-${env.random.chars(8)}`;
    return id;
  }

  /** publicIp draws an elastic IP, redrawing any held by a CLB, a node or a NAT gateway. */
  private publicIp(env: CommandEnv): string {
    const draw = (): string => `119.28.${env.random.int(256)}.${2 + env.random.int(252)}`;
    let ip = draw();
    while (this.networks.isPublicIpTaken(ip)) ip = draw();
    return ip;
  }
}
