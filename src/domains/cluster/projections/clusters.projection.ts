import type { Projection, StoredEvent } from '../../../platform/kernel/index.js';
import type { ClusterEvent, ClusterSpec, NodeFacts } from '../cluster/cluster.types.js';

/** NodeView is a node as the API shows it. */
export type NodeView = NodeFacts;

/** ClusterView is a cluster as the API shows it, with its stream version for optimistic concurrency. */
export interface ClusterView extends ClusterSpec {
  id: string;
  accountId: string;
  status: 'Creating' | 'Running' | 'Deleting' | 'Abnormal';
  createdAt: string;
  version: number;
  nodes: NodeView[];
}

/** ClustersState holds live clusters in creation order; deleted ones leave it, but their ids stay taken. */
export interface ClustersState {
  clusters: Record<string, ClusterView>;
  takenIds: Record<string, true>;
}

function applyClusterEvent(state: ClustersState, event: ClusterEvent, version: number): void {
  switch (event.type) {
    case 'ClusterCreated': {
      const { clusterId, accountId, createdAt, ...spec } = event.data;
      state.clusters[clusterId] = { id: clusterId, accountId, ...spec, status: 'Running', createdAt, version, nodes: [] };
      state.takenIds[clusterId] = true;
      return;
    }
    case 'NodeAdded': {
      const cluster = state.clusters[event.data.clusterId];
      if (!cluster) return;
      const { clusterId: _clusterId, hostOrdinal: _hostOrdinal, ...node } = event.data;
      cluster.nodes.push(node);
      cluster.version = version;
      return;
    }
    case 'NodeRemoved': {
      const cluster = state.clusters[event.data.clusterId];
      if (!cluster) return;
      cluster.nodes = cluster.nodes.filter((n) => n.name !== event.data.name);
      cluster.version = version;
      return;
    }
    case 'ClusterDeleted':
      delete state.clusters[event.data.clusterId];
      return;
  }
}

const CLUSTER_EVENTS = new Set(['ClusterCreated', 'NodeAdded', 'NodeRemoved', 'ClusterDeleted']);

/** clustersProjection is the clusters read model. */
export const clustersProjection: Projection<ClustersState> = {
  name: 'clusters',
  version: 2,
  initialState: () => ({ clusters: {}, takenIds: {} }),
  apply(state, event: StoredEvent) {
    if (CLUSTER_EVENTS.has(event.type)) applyClusterEvent(state, event as unknown as ClusterEvent, event.streamVersion);
  },
};
