import type { ControllerAction } from '../controllers/controller.js';
import { clone } from '../controllers/helpers/json.js';
import { getObject, LABEL_ZONE, listObjects, type Node, type ObjectStore, type PersistentVolume, type PersistentVolumeClaim, type Pod, type StorageClass } from '../kube/index.js';
import { Status } from '../scheduler/framework.js';
import { ANN_SELECTED_NODE } from './binding.js';
import { LABEL_BETA_ZONE } from './provisioning.js';
import { bindingModeOf, claimClassName } from './storage-classes.js';
import { findMatchingVolume, volumeFitsNode } from './volume-matching.js';

/** VolumeBinding's rules as pure helpers (plugins/volumebinding): claims must be bound, or bindable on the node, and bound volumes must reach it. */

/** ERR_REASON_BIND_CONFLICT: no volume fits a waiting claim on the node, and none can be provisioned there. */
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
/** ERR_REASON_NODE_CONFLICT: a bound volume's node affinity excludes the node. */
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
/** ERR_REASON_PV_NOT_EXIST: a claim is bound to a volume that is gone. */
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
/** ERR_UNBOUND_IMMEDIATE: PreFilter's answer while a claim of an Immediate class is unbound. */
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

/** PodClaims are a pod's claims split as the plugin's PreFilter does: bound ones with their volumes, and ones waiting for a node. */
export interface PodClaims {
  readonly bound: readonly PersistentVolume[];
  readonly delayed: readonly PersistentVolumeClaim[];
}

const claimNames = (pod: Pod): string[] => (pod.spec.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName ?? []);

/** podClaims is PreFilter: Skip for a pod without claims, a rejection for missing or unbound immediate claims, else the split. */
export function podClaims(pod: Pod, store: ObjectStore): Status | PodClaims {
  const names = claimNames(pod);
  if (names.length === 0) return Status.skip;
  const bound: PersistentVolume[] = [];
  const delayed: PersistentVolumeClaim[] = [];
  for (const name of names) {
    const claim = getObject<PersistentVolumeClaim>(store, 'PersistentVolumeClaim', pod.metadata.namespace, name);
    if (!claim) return Status.unresolvable(`persistentvolumeclaim "${name}" not found`);
    if (claim.metadata.deletionTimestamp) return Status.unresolvable(`persistentvolumeclaim "${name}" is being deleted`);
    if (claim.spec.volumeName) {
      const volume = getObject<PersistentVolume>(store, 'PersistentVolume', undefined, claim.spec.volumeName);
      if (!volume) return Status.unresolvable(ERR_REASON_PV_NOT_EXIST);
      bound.push(volume);
      continue;
    }
    const className = claimClassName(claim) ?? '';
    const storageClass = className ? getObject<StorageClass>(store, 'StorageClass', undefined, className) : undefined;
    if (bindingModeOf(storageClass) !== 'WaitForFirstConsumer') return Status.unresolvable(ERR_UNBOUND_IMMEDIATE);
    delayed.push(claim);
  }
  return { bound, delayed };
}

/** classAllowsNode: a class without allowedTopologies provisions anywhere; otherwise one term must match the node's labels. */
function classAllowsNode(storageClass: StorageClass, node: Node): boolean {
  const terms = storageClass.allowedTopologies ?? [];
  const labels = node.metadata.labels ?? {};
  return terms.length === 0 || terms.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key] ?? '')));
}

/** volumeBindingFits is Filter: bound volumes reach the node, and each waiting claim has a fitting volume or can be provisioned in the node's zone. */
export function volumeBindingFits(claims: PodClaims, node: Node, store: ObjectStore): Status {
  if (claims.bound.some((volume) => !volumeFitsNode(volume, node))) return Status.unresolvable(ERR_REASON_NODE_CONFLICT);
  const volumes = listObjects<PersistentVolume>(store, 'PersistentVolume');
  const taken = new Set<string>();
  for (const claim of claims.delayed) {
    const className = claimClassName(claim) ?? '';
    const match = findMatchingVolume(claim, volumes.filter((v) => !taken.has(v.metadata.name ?? '')), { className, node });
    if (match) {
      taken.add(match.metadata.name ?? '');
      continue;
    }
    const storageClass = getObject<StorageClass>(store, 'StorageClass', undefined, className);
    if (!storageClass || !classAllowsNode(storageClass, node)) return Status.unresolvable(ERR_REASON_BIND_CONFLICT);
  }
  return Status.success;
}

/** selectedNodeActions is PreBind for waiting claims: each gets the chosen node in volume.kubernetes.io/selected-node, so the binder provisions there. */
export function selectedNodeActions(claims: PodClaims, nodeName: string): ControllerAction[] {
  return claims.delayed
    .filter((claim) => claim.metadata.annotations?.[ANN_SELECTED_NODE] !== nodeName)
    .map((claim) => {
      const copy = clone(claim);
      copy.metadata.annotations = { ...copy.metadata.annotations, [ANN_SELECTED_NODE]: nodeName };
      return { type: 'update', object: copy };
    });
}

/** ZONE_LABELS are the labels a volume's or node's zone may be in, GA first. */
export const ZONE_LABELS = [LABEL_ZONE, LABEL_BETA_ZONE] as const;
