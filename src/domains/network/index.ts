/** The network domain's public face: its events and read-model types, for other domains and the app. */
export type { NetworkEvent, LoadBalancerRecord, NetworkSettings, NetworkState } from './model/network.types.js';
export { networkStream } from './model/network.types.js';
export { networkProjection, type ClusterNetwork, type NetworkProjectionState } from './projections/network.projection.js';
export { NetworkReadModel } from './projections/network.read-model.js';
export { NetworkModule } from './network.module.js';
