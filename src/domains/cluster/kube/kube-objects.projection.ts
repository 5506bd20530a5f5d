import { emptyStore, getObject, listObjects, putObject, qosClass, removeObject, uidFor, type KubeObject, type Pod } from '../../../emulator/kube/index.js';
import { stableStringify } from '../../../platform/commands/stable-hash.js';
import { stageEvents } from '../../../emulator/kubelet/index.js';
import type { Projection, StoredEvent } from '../../../platform/kernel/index.js';
import type { ClusterEvent } from '../cluster/cluster.types.js';
import { desired, LAST_APPLIED } from './apply-objects.js';
import { leaseObject, namespaceObject, nodeObject, registrySecret, SYSTEM_NAMESPACES } from './builtin-objects.js';
import type { KubeCluster, KubeEvent } from './kube.types.js';
import { applyContainerCrashed } from './faults.js';
import { recordEvent } from './kube-events.js';
import { markReachable, markUnreachable, withDefaultTolerations } from './node-health.js';
import { allocateAddresses, kubernetesService } from './service-addresses.js';
import { applyPodsAdvanced, applyPodsScheduled } from './pod-transitions.js';
import { applyActions, type ObjectWriter } from './reconcile.js';

/** KubeObjectsState is every cluster's object store. */
export interface KubeObjectsState {
  clusters: Record<string, KubeCluster>;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** initialStatus is the status the API server starts an object with; a user's status is ignored. */
function initialStatus(object: KubeObject): unknown {
  if (object.kind === 'Pod') return { phase: 'Pending', qosClass: qosClass(object as unknown as Pod) };
  if (object.kind === 'Namespace') return { phase: 'Active' };
  if (object.kind === 'Service') return { loadBalancer: {} };
  return object.status === undefined ? undefined : {};
}

/** createObject stores a new object with its server-set metadata; a user's status is replaced, a system object's kept. */
export function createObject(cluster: KubeCluster, object: KubeObject, at: string, from: 'user' | 'system' = 'system'): KubeObject {
  object.metadata.uid = uidFor(cluster.clusterId, cluster.revision + 1);
  object.metadata.creationTimestamp = at;
  object.metadata.generation = 1;
  if (object.kind === 'Pod') withDefaultTolerations(object as unknown as Pod);
  if (object.kind === 'Service') allocateAddresses(cluster, object);
  if (from === 'user') {
    const status = initialStatus(object);
    if (status === undefined) delete object.status;
    else object.status = status;
  }
  putObject(cluster, object);
  return object;
}

/** keepServerSetFields carries over what the server, not the user, set in a spec: a pod's node, a service's IPs. */
function keepServerSetFields(existing: KubeObject, object: KubeObject): void {
  const before = (existing.spec ?? {}) as Record<string, unknown>;
  const after = (object.spec ??= {}) as Record<string, unknown>;
  for (const field of ['nodeName', 'clusterIP', 'clusterIPs']) {
    if (before[field] !== undefined && after[field] === undefined) after[field] = before[field];
  }
  type Port = { name?: string; port?: number; nodePort?: number };
  const oldPorts = (before.ports ?? []) as Port[];
  for (const port of (after.ports ?? []) as Port[]) {
    const old = oldPorts.find((p) => p.port === port.port && p.name === port.name);
    if (old?.nodePort && port.nodePort === undefined && (after.type === 'NodePort' || after.type === 'LoadBalancer')) port.nodePort = old.nodePort;
  }
}

/** remember records the applied configuration in kubectl's annotation, so a re-apply can tell what changed. */
function remember(object: KubeObject): KubeObject {
  object.metadata.annotations = { ...object.metadata.annotations, [LAST_APPLIED]: desired(object) };
  return object;
}

/** configureObject replaces what the user declares, keeping identity and status; a new spec bumps the generation. */
function configureObject(cluster: KubeCluster, object: KubeObject): void {
  const existing = getObject(cluster, object.kind, object.metadata.namespace, object.metadata.name ?? '');
  if (!existing) return;
  keepServerSetFields(existing, object);
  const specChanged = stableStringify(existing.spec) !== stableStringify(object.spec);
  const { uid, creationTimestamp, generation = 1, ownerReferences, finalizers } = existing.metadata;
  object.metadata = {
    ...object.metadata,
    uid,
    creationTimestamp,
    generation: specChanged ? generation + 1 : generation,
    ownerReferences: object.metadata.ownerReferences ?? ownerReferences,
    finalizers: object.metadata.finalizers ?? finalizers,
  };
  if (object.metadata.ownerReferences === undefined) delete object.metadata.ownerReferences;
  if (object.metadata.finalizers === undefined) delete object.metadata.finalizers;
  if (existing.status !== undefined) object.status = existing.status;
  putObject(cluster, object);
}

/** deleteObject removes an object; a pod on a node first terminates gracefully, and the kubelet removes it. */
function deleteObject(cluster: KubeCluster, kind: string, namespace: string | undefined, name: string, at: string): void {
  const pod = kind === 'Pod' ? getObject<Pod>(cluster, 'Pod', namespace, name) : undefined;
  if (pod?.spec.nodeName) {
    pod.metadata.deletionTimestamp = at;
    pod.metadata.deletionGracePeriodSeconds = pod.spec.terminationGracePeriodSeconds ?? 30;
    cluster.podSince[`${namespace ?? ''}/${name}`] = at;
    putObject(cluster, pod);
    if (cluster.nodeFailures[pod.spec.nodeName] !== undefined) return;
    const source = { component: 'kubelet', host: pod.spec.nodeName };
    for (const note of stageEvents(pod, [{ type: 'Normal', reason: 'Killing', message: 'Stopping container {container}', perContainer: true }])) {
      recordEvent(cluster, pod, note, source, at);
    }
    return;
  }
  removeObject(cluster, kind, namespace, name);
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
    deleteObject(cluster, event.data.kind, event.data.namespace ?? undefined, event.data.name, event.data.at);
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
  create: (cluster, object, at) => void createObject(cluster, object, at, 'user'),
  update: (cluster, object) => configureObject(cluster, object),
  remove: (cluster, kind, namespace, name, at) => deleteObject(cluster, kind, namespace, name, at),
};

const CLUSTER_EVENTS = new Set(['ClusterCreated', 'NodeAdded', 'NodeRemoved', 'ClusterDeleted']);
const KUBE_EVENTS = new Set(['ObjectsApplied', 'ObjectDeleted', 'PodsScheduled', 'PodsAdvanced', 'NodeFailed', 'NodeRecovered', 'NodeHealthChanged', 'PodsEvicted', 'ContainerCrashed', 'ObjectsReconciled']);

/** kubeObjectsProjection keeps every cluster's Kubernetes objects, as the API server would serve them. */
export const kubeObjectsProjection: Projection<KubeObjectsState> = {
  name: 'kubeObjects',
  version: 5,
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
