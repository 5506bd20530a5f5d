/** The cluster domain's public face: its events and read-model types, for other domains and the app. */
export type { ClusterEvent, NodeFacts, ClusterSpec } from './cluster/cluster.types.js';
export { clusterStream } from './cluster/cluster.types.js';
export { clustersProjection, type ClusterView, type NodeView, type ClustersState } from './projections/clusters.projection.js';
export { ClustersReadModel } from './projections/clusters.read-model.js';
export { kubeObjectsProjection, type KubeObjectsState } from './kube/kube-objects.projection.js';
export { ClusterModule } from './cluster.module.js';
export * from './commands/cluster.commands.js';
export { withHeartbeats } from './kube/heartbeats.js';
export { KubeReadModel } from './kube/kube.read-model.js';
export { ClusterEmulator } from './emulator/cluster-emulator.js';
export { WriteObjectCommand, type WriteObjectInput } from './commands/write-object.handler.js';
export { DeleteResourceCommand } from './commands/delete-resource.handler.js';
export { decideKube } from './kube/kube.decider.js';
export { kubeStream, type KubeCluster, type KubeCommand, type KubeEvent, type ObjectAction } from './kube/kube.types.js';
export { ClusterLoopExtensions, type ClusterLoopStep } from './emulator/loop-extensions.js';
export { reconcileObjectsTarget } from './kube/kube-target.js';
