import type { ObjectStore, Pod } from '../kube/index.js';
import { Status } from '../scheduler/framework.js';
import { MAX_DISKS_PER_CVM } from './cbs.js';
import { podVolumeNeeds } from './pod-volumes.js';

/** The CBS attach limit as a pure helper (plugins/nodevolumelimits): a node takes at most 20 distinct CBS disks. */

/** ERR_REASON_MAX_VOLUME_COUNT is kube-scheduler's reason when the node's attach limit would be exceeded. */
export const ERR_REASON_MAX_VOLUME_COUNT = 'node(s) exceed max volume count';

const active = (pod: Pod): boolean => pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';

/** cbsDisksOf is the set of CBS disks pods use (inline or through bound claims). */
export function cbsDisksOf(pods: readonly Pod[], store: ObjectStore): Set<string> {
  const ids = new Set<string>();
  for (const pod of pods) if (active(pod)) for (const d of podVolumeNeeds(pod, store).disks) ids.add(d.diskId);
  return ids;
}

/** cbsVolumeLimitFits is Filter: the node's pods' disks plus the pod's new ones stay within the limit; a pod with no new disk always fits. */
export function cbsVolumeLimitFits(pod: Pod, podsOnNode: readonly Pod[], store: ObjectStore, limit = MAX_DISKS_PER_CVM): Status {
  const wanted = cbsDisksOf([pod], store);
  if (wanted.size === 0) return Status.success;
  const existing = cbsDisksOf(podsOnNode, store);
  const added = [...wanted].filter((id) => !existing.has(id)).length;
  return added > 0 && existing.size + added > limit ? Status.unschedulable(ERR_REASON_MAX_VOLUME_COUNT) : Status.success;
}
