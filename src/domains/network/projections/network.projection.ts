import type { Projection, StoredEvent } from '../../../platform/kernel/index.js';
import { networkDecider } from '../model/network.decider.js';
import { NETWORK_EVENTS, type NetworkEvent, type NetworkState } from '../model/network.types.js';
import { settingsFromSpec, type CreatedSpec } from '../world/network-world.builder.js';

/** ClusterNetwork is one cluster's network state with the version of its stream, for decisions against the live view. */
export type ClusterNetwork = NetworkState & { readonly streamVersion: number };

/** NetworkProjectionState holds every cluster's network, and which cluster each CLB id belongs to. */
export interface NetworkProjectionState {
  networks: Record<string, ClusterNetwork>;
  loadBalancerClusters: Record<string, string>;
}

function indexLoadBalancers(state: NetworkProjectionState, event: NetworkEvent): void {
  if (event.type === 'LoadBalancerProvisioning') state.loadBalancerClusters[event.data.id] = event.data.clusterId;
  else if (event.type === 'LoadBalancerDeleted') delete state.loadBalancerClusters[event.data.id];
}

/** networkProjection folds the network streams, opening a cluster's network from its ClusterCreated; a removed node takes its public IP, a deleted cluster its whole network, with it. */
export const networkProjection: Projection<NetworkProjectionState> = {
  name: 'network',
  version: 2,
  initialState: () => ({ networks: {}, loadBalancerClusters: {} }),
  apply(state, stored: StoredEvent) {
    if (stored.type === 'ClusterDeleted') {
      const clusterId = (stored.data as { clusterId: string }).clusterId;
      for (const id of Object.keys(state.networks[clusterId]?.loadBalancers ?? {})) delete state.loadBalancerClusters[id];
      delete state.networks[clusterId];
      return;
    }
    if (stored.type === 'NodeRemoved') {
      const { clusterId, name: nodeName, instanceId } = stored.data as { clusterId: string; name: string; instanceId: string };
      const network = state.networks[clusterId];
      if (network?.egress.publicIps[nodeName]) state.networks[clusterId] = { ...network, ...networkDecider.evolve(network, { type: 'NodeLeftNetwork', data: { clusterId, nodeName, instanceId } }), streamVersion: network.streamVersion };
      return;
    }
    if (stored.type === 'ClusterCreated') {
      const data = stored.data as CreatedSpec & { createdAt: string };
      state.networks[data.clusterId] = { ...networkDecider.evolve(networkDecider.initialState, { type: 'ClusterNetworkCreated', data: { ...settingsFromSpec(data), at: data.createdAt } }), streamVersion: 0 };
      return;
    }
    if (!NETWORK_EVENTS.has(stored.type)) return;
    const event = stored as unknown as NetworkEvent;
    const clusterId = event.data.clusterId;
    if (event.type !== 'ClusterNetworkCreated' && !state.networks[clusterId]) return;
    const before = state.networks[clusterId] ?? networkDecider.initialState;
    const { streamVersion: _version, ...current } = before as ClusterNetwork;
    state.networks[clusterId] = { ...networkDecider.evolve(current, event), streamVersion: stored.streamVersion };
    indexLoadBalancers(state, event);
  },
};
