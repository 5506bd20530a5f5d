import { Module } from '@nestjs/common';
import { commandHandlers } from './commands/index.js';
import { ClusterResolver } from './graphql/cluster.resolver.js';
import { ClustersReadModel } from './projections/clusters.read-model.js';

const resolvers = [ClusterResolver];
const readModels = [ClustersReadModel];

/** ClusterModule: clusters and their nodes (and, as the emulator grows, everything inside a cluster). */
@Module({
  providers: [...commandHandlers, ...resolvers, ...readModels],
  exports: [...readModels],
})
export class ClusterModule {}
