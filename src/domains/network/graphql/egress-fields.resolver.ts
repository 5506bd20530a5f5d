import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { ClusterView, NodeView } from '../../cluster/index.js';
import { emptyEgress } from '../model/egress.types.js';
import { NetworkReadModel } from '../projections/network.read-model.js';
import { settingsOf } from '../world/network-world.builder.js';
import { egressLists } from './egress.view.js';

/** EgressFieldsResolver lists a cluster's public IPs, NAT gateways, peerings and CDB instances. */
@Resolver('Cluster')
export class EgressFieldsResolver {
  constructor(private readonly networks: NetworkReadModel) {}

  @ResolveField('publicIps')
  publicIps(@Parent() cluster: ClusterView) {
    return this.lists(cluster).publicIps;
  }

  @ResolveField('natGateways')
  natGateways(@Parent() cluster: ClusterView) {
    return this.lists(cluster).natGateways;
  }

  @ResolveField('vpcPeerings')
  vpcPeerings(@Parent() cluster: ClusterView) {
    return this.lists(cluster).vpcPeerings;
  }

  @ResolveField('cdbInstances')
  cdbInstances(@Parent() cluster: ClusterView) {
    return this.lists(cluster).cdbInstances;
  }

  private lists(cluster: ClusterView) {
    return egressLists(cluster.id, settingsOf(cluster).vpcId, this.networks.network(cluster.id)?.egress ?? emptyEgress());
  }
}

/** NodePublicIpResolver shows the public IP bound to a node's CVM. */
@Resolver('Node')
export class NodePublicIpResolver {
  constructor(private readonly networks: NetworkReadModel) {}

  @ResolveField('publicIp')
  publicIp(@Parent() node: NodeView) {
    return this.networks.publicIpOf(node.instanceId) ?? null;
  }
}
