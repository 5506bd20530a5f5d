import { Module } from '@nestjs/common';
import { commandHandlers } from './commands/index.js';
import { ClusterEmulator } from './emulator/cluster-emulator.js';
import { ClusterObjectsResolver } from './graphql/cluster-objects.resolver.js';
import { FaultsResolver } from './graphql/faults.resolver.js';
import { ClusterResolver } from './graphql/cluster.resolver.js';
import { KubeResolver } from './graphql/kube.resolver.js';
import { KubeReadModel } from './kube/kube.read-model.js';
import { ClustersReadModel } from './projections/clusters.read-model.js';

const resolvers = [ClusterResolver, ClusterObjectsResolver, KubeResolver, FaultsResolver];
const readModels = [ClustersReadModel, KubeReadModel];

/** ClusterModule: clusters and their nodes (and, as the emulator grows, everything inside a cluster). */
@Module({
  providers: [...commandHandlers, ...resolvers, ...readModels, ClusterEmulator],
  exports: [...readModels, ClusterEmulator],
})
export class ClusterModule {}
