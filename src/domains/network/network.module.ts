import { Module } from '@nestjs/common';
import { ClusterModule } from '../cluster/index.js';
import { EgressFieldsResolver, NodePublicIpResolver } from './graphql/egress-fields.resolver.js';
import { EgressResolver } from './graphql/egress.resolver.js';
import { NetworkResolver } from './graphql/network.resolver.js';
import { SimulationResolver } from './graphql/simulation.resolver.js';
import { NetworkLoop } from './loop/network-loop.js';
import { NetworkReadModel } from './projections/network.read-model.js';

const resolvers = [NetworkResolver, SimulationResolver, EgressResolver, EgressFieldsResolver, NodePublicIpResolver];

/** NetworkModule: each cluster's VPC routes, CLBs and ways out (public IPs, NAT gateways, peerings, CDB instances), the cloud provider's controllers that keep them, and the data plane's questions. */
@Module({
  imports: [ClusterModule],
  providers: [...resolvers, NetworkReadModel, NetworkLoop],
  exports: [NetworkReadModel],
})
export class NetworkModule {}
