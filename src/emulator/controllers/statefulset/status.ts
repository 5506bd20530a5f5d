import type { Pod, StatefulSet, StatefulSetStatus } from '../../kube/index.js';
import { isPodAvailable, isRunningAndReady } from '../helpers/pods.js';
import { ordinalOf, revisionOfPod } from './identity.js';
import type { Revisions } from './revisions.js';

/** statefulSetStatus is updateStatus then completeRollingUpdate: pods counted by readiness and revision. */
export function statefulSetStatus(set: StatefulSet, pods: readonly Pod[], r: Revisions, now: string): StatefulSetStatus {
  let replicas = 0, ready = 0, available = 0, current = 0, updated = 0;
  for (const pod of pods.filter((p) => ordinalOf(p) >= 0)) {
    replicas++;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isPodAvailable(pod, set.spec.minReadySeconds, now)) available++;
    }
    if (pod.metadata.deletionTimestamp) continue;
    if (revisionOfPod(pod) === r.current.metadata.name) current++;
    if (revisionOfPod(pod) === r.update.metadata.name) updated++;
  }
  let currentRevision = r.current.metadata.name;
  const rolling = (set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  if (rolling && updated === replicas && ready === replicas) {
    current = updated;
    currentRevision = r.update.metadata.name;
  }
  // Go's omitempty leaves zero counts and empty names out; replicas, availableReplicas and collisionCount are always there.
  const status: StatefulSetStatus = { replicas, availableReplicas: available, collisionCount: r.collisionCount };
  if (set.metadata.generation) status.observedGeneration = set.metadata.generation;
  if (ready) status.readyReplicas = ready;
  if (current) status.currentReplicas = current;
  if (updated) status.updatedReplicas = updated;
  if (currentRevision) status.currentRevision = currentRevision;
  if (r.update.metadata.name) status.updateRevision = r.update.metadata.name;
  if (set.status?.conditions?.length) status.conditions = set.status.conditions;
  return status;
}
