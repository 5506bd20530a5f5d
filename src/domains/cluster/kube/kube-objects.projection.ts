import { emptyStore, getObject, listObjects, removeObject, type Pod } from '../../../emulator/kube/index.js';
import type { Projection, StoredEvent } from '../../../platform/kernel/index.js';
import type { ClusterEvent } from '../cluster/cluster.types.js';
import { leaseObject, namespaceObject, nodeObject, registrySecret, SYSTEM_NAMESPACES } from './builtin-objects.js';
import { applyContainerCrashed } from './faults.js';
import { recordEvent } from './kube-events.js';
import type { KubeCluster, KubeEvent } from './kube.types.js';
import { markReachable, markUnreachable } from './node-health.js';
import { clone, configureObject, createObject, deleteObject, remember } from './object-writes.js';
import { applyPodsAdvanced, applyPodsScheduled } from './pod-transitions.js';
import { applyActions, type ObjectWriter } from './reconcile.js';
import { kubernetesService } from './service-addresses.js';

/** KubeObjectsState is every cluster's object store. */
export interface KubeObjectsState {
  clusters: Record<string, KubeCluster>;
}

/** applyHealthEvent records faults and what the node lifecycle controller did about them. */
function applyHealthEvent(cluster: KubeCluster, event: KubeEvent): void {
  if (event.type === 'NodeFailed') {
    cluster.nodeFailures[event.data.nodeName] = event.data.at;
  } else if (event.type === 'NodeRecovered') {
    delete cluster.nodeFailures[event.data.nodeName];
    markReachable(cluster, event.data.nodeName, event.data.at);
  } else if (event.type === 'NodeHealthChanged') {
    for (const name of event.data.unreachable) markUnreachable(cluster, name, event.data.at);
    for (const name of event.data.reachable) markReachable(cluster, name, event.data.at);
  } else if (event.type === 'PodsEvicted') {
    for (const { namespace, name } of event.data.pods) {
      const pod = getObject<Pod>(cluster, 'Pod', namespace, name);
      if (!pod) continue;
      const note = { type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${namespace}/${name}` };
      recordEvent(cluster, pod, note, { component: 'taint-eviction-controller' }, event.data.at);
      deleteObject(cluster, 'Pod', namespace, name, event.data.at);
    }
  } else if (event.type === 'ContainerCrashed') {
    applyContainerCrashed(cluster, event.data);
  }
}

function applyClusterEvent(state: KubeObjectsState, event: ClusterEvent, at: string, accountId: string): void {
  if (event.type === 'ClusterCreated') {
    const { clusterId, region, kubernetesVersion, serviceCidr } = event.data;
    const cluster: KubeCluster = {
      ...emptyStore(),
      clusterId,
      accountId,
      region,
      kubernetesVersion,
      serviceCidr,
      streamVersion: 0,
      podSince: {},
      scheduling: {},
      schedulerStartIndex: 0,
      nodeFailures: {},
    };
    for (const name of SYSTEM_NAMESPACES) createObject(cluster, namespaceObject(name), at);
    createObject(cluster, kubernetesService(), at);
    for (const namespace of ['default', 'kube-system']) createObject(cluster, registrySecret(namespace, clusterId), at);
    state.clusters[event.data.clusterId] = cluster;
    return;
  }
  const cluster = state.clusters[event.data.clusterId];
  if (!cluster) return;
  if (event.type === 'NodeAdded') {
    createObject(cluster, nodeObject(event.data, cluster), at);
    createObject(cluster, leaseObject(event.data.name, at), at);
  } else if (event.type === 'NodeRemoved') {
    removeObject(cluster, 'Node', undefined, event.data.name);
    removeObject(cluster, 'Lease', 'kube-node-lease', event.data.name);
    delete cluster.nodeFailures[event.data.name];
    // The CVM is gone with its containers: the pod garbage collector deletes pods bound to a node that no longer exists.
    for (const pod of listObjects<Pod>(cluster, 'Pod').filter((p) => p.spec.nodeName === event.data.name)) {
      removeObject(cluster, 'Pod', pod.metadata.namespace, pod.metadata.name!);
      delete cluster.podSince[`${pod.metadata.namespace}/${pod.metadata.name}`];
      delete cluster.scheduling[`${pod.metadata.namespace}/${pod.metadata.name}`];
    }
  } else if (event.type === 'ClusterDeleted') {
    delete state.clusters[event.data.clusterId];
  }
}

function applyKubeEvent(cluster: KubeCluster, event: KubeEvent): void {
  if (event.type === 'ObjectsApplied') {
    for (const object of clone(event.data.created)) createObject(cluster, remember(object), event.data.at, 'user');
    for (const object of clone(event.data.configured)) configureObject(cluster, remember(object));
  } else if (event.type === 'ObjectDeleted') {
    deleteObject(cluster, event.data.kind, event.data.namespace ?? undefined, event.data.name, event.data.at, event.data.propagationPolicy);
  } else if (event.type === 'PodsScheduled') {
    applyPodsScheduled(cluster, event.data);
  } else if (event.type === 'PodsAdvanced') {
    applyPodsAdvanced(cluster, event.data);
  } else if (event.type === 'ObjectsReconciled') {
    applyActions(cluster, event.data.actions, event.data.at, writer);
  } else {
    applyHealthEvent(cluster, event);
  }
}

/** writer lets controllers' changes follow the same rules as applied objects. */
const writer: ObjectWriter = {
  create: (cluster, object, at, key) => void createObject(cluster, object, at, 'user', key),
  update: (cluster, object) => configureObject(cluster, object),
  remove: (cluster, kind, namespace, name, at, propagationPolicy) => deleteObject(cluster, kind, namespace, name, at, propagationPolicy),
};

const CLUSTER_EVENTS = new Set(['ClusterCreated', 'NodeAdded', 'NodeRemoved', 'ClusterDeleted']);
const KUBE_EVENTS = new Set(['ObjectsApplied', 'ObjectDeleted', 'PodsScheduled', 'PodsAdvanced', 'NodeFailed', 'NodeRecovered', 'NodeHealthChanged', 'PodsEvicted', 'ContainerCrashed', 'ObjectsReconciled']);

/** kubeObjectsProjection keeps every cluster's Kubernetes objects, as the API server would serve them. */
export const kubeObjectsProjection: Projection<KubeObjectsState> = {
  name: 'kubeObjects',
  version: 6,
  initialState: () => ({ clusters: {} }),
  apply(state, stored: StoredEvent) {
    if (CLUSTER_EVENTS.has(stored.type)) {
      applyClusterEvent(state, stored as unknown as ClusterEvent, stored.metadata.virtualTime, stored.metadata.accountId);
      return;
    }
    if (!KUBE_EVENTS.has(stored.type)) return;
    const event = stored as unknown as KubeEvent;
    const cluster = state.clusters[event.data.clusterId];
    if (!cluster) return;
    applyKubeEvent(cluster, event);
    cluster.streamVersion = stored.streamVersion;
  },
};
