import { FOREGROUND_DELETION } from '../../../emulator/controllers/garbage-collector/garbage-collector.controller.js';
import { copyJson, getObject, putObject, qosClass, removeObject, uidFor, type KubeObject, type Pod } from '../../../emulator/kube/index.js';
import { stageEvents } from '../../../emulator/kubelet/index.js';
import { stableStringify } from '../../../platform/commands/stable-hash.js';
import { desired, LAST_APPLIED } from './apply-objects.js';
import { recordEvent } from './kube-events.js';
import type { KubeCluster } from './kube.types.js';
import { withDefaultTolerations } from './node-health.js';
import { allocateAddresses } from './service-addresses.js';

/** How the API server writes objects: identity and status on create, merges on configure, graceful deletion of pods. */

export const clone = <T>(value: T): T => copyJson(value);

/** initialStatus is the status the API server starts an object with; a user's status is ignored. */
function initialStatus(object: KubeObject): unknown {
  if (object.kind === 'Pod') return { phase: 'Pending', qosClass: qosClass(object as unknown as Pod) };
  if (object.kind === 'Namespace') return { phase: 'Active' };
  if (object.kind === 'Service') return { loadBalancer: {} };
  return object.status === undefined ? undefined : {};
}

/** createObject stores a new object with its server-set metadata; a user's status is replaced, a system object's kept. A caller holding the object's key may pass it. */
export function createObject(cluster: KubeCluster, object: KubeObject, at: string, from: 'user' | 'system' = 'system', key?: string): KubeObject {
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
  putObject(cluster, object, key);
  return object;
}

/** keepServerSetFields carries over what the server, not the user, set in a spec: a pod's node, a service's IPs. */
function keepServerSetFields(existing: KubeObject, object: KubeObject): void {
  const before = (existing.spec ?? {}) as Record<string, unknown>;
  const after = (object.spec ??= {}) as Record<string, unknown>;
  // volumeName and claimRef are the PV controller's half of a binding; a re-applied claim or volume keeps it.
  for (const field of ['nodeName', 'clusterIP', 'clusterIPs', 'volumeName', 'claimRef']) {
    if (before[field] !== undefined && after[field] === undefined) after[field] = before[field];
  }
  type Port = { name?: string; port?: number; nodePort?: number };
  const oldPorts = (before.ports ?? []) as Port[];
  for (const port of (after.ports ?? []) as Port[]) {
    const old = oldPorts.find((p) => p.port === port.port && p.name === port.name);
    if (old?.nodePort && port.nodePort === undefined && (after.type === 'NodePort' || after.type === 'LoadBalancer')) port.nodePort = old.nodePort;
  }
}

/** remember records the applied configuration in kubectl's annotation, so a re-apply can tell what changed; kubectl's own record is kept. */
export function remember(object: KubeObject): KubeObject {
  if (object.metadata.annotations?.[LAST_APPLIED] !== undefined) return object;
  object.metadata.annotations = { ...object.metadata.annotations, [LAST_APPLIED]: desired(object) };
  return object;
}

/** configureObject replaces what the user declares, keeping identity and status; a new spec bumps the generation. */
export function configureObject(cluster: KubeCluster, object: KubeObject): void {
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
  // An object being deleted goes once its last finalizer is taken off.
  if (object.metadata.deletionTimestamp && !object.metadata.finalizers?.length && object.kind !== 'Pod') {
    removeObject(cluster, object.kind, object.metadata.namespace, object.metadata.name ?? '');
    return;
  }
  putObject(cluster, object);
}

/** orphanDependents drops every reference to an owner from its dependents, as the orphan finalizer does. */
function orphanDependents(cluster: KubeCluster, uid: string | undefined): void {
  if (!uid) return;
  for (const byKey of Object.values(cluster.objects)) {
    for (const dependent of Object.values(byKey)) {
      const refs = dependent.metadata.ownerReferences;
      if (!refs?.some((r) => r.uid === uid)) continue;
      const kept = refs.filter((r) => r.uid !== uid);
      if (kept.length > 0) dependent.metadata.ownerReferences = kept;
      else delete dependent.metadata.ownerReferences;
      putObject(cluster, dependent);
    }
  }
}

/**
 * deleteObject removes an object, as the API server does for each propagation policy: Background at once (the garbage
 * collector follows), Orphan after releasing the dependents, Foreground by marking it deleted with the foregroundDeletion
 * finalizer until its dependents are gone. A pod on a node first terminates gracefully, and the kubelet removes it.
 */
export function deleteObject(cluster: KubeCluster, kind: string, namespace: string | undefined, name: string, at: string, propagation?: 'Foreground' | 'Orphan'): void {
  const object = getObject(cluster, kind, namespace, name);
  if (propagation === 'Orphan') orphanDependents(cluster, object?.metadata.uid);
  if (object && propagation === 'Foreground' && kind !== 'Pod') {
    object.metadata.deletionTimestamp = at;
    object.metadata.deletionGracePeriodSeconds = 0;
    object.metadata.finalizers = [...(object.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_DELETION), FOREGROUND_DELETION];
    putObject(cluster, object);
    return;
  }
  const pod = kind === 'Pod' ? (object as Pod | undefined) : undefined;
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
