import type { KubeObject, Pod } from '../../../emulator/kube/index.js';
import { podNeedsDisks } from '../../../emulator/storage/index.js';
import type { StoredEvent } from '../../../platform/kernel/index.js';
import type { KubeCluster } from '../../cluster/index.js';

/** Which clusters the storage loop looks after: those with claims, volumes, classes or pods mounting CBS disks. */

const STORAGE_KINDS = new Set(['StorageClass', 'PersistentVolumeClaim', 'PersistentVolume']);

/** usesStorage: the object is a storage object, or a pod (template) with a CBS or claim volume. */
function usesStorage(object: KubeObject | undefined): boolean {
  if (!object) return false;
  if (STORAGE_KINDS.has(object.kind)) return true;
  return object.kind === 'Pod' && podNeedsDisks(object as unknown as Pod);
}

/** mentionsStorage: a committed kube event creates or changes something the storage loop must look after. */
export function mentionsStorage(event: StoredEvent): boolean {
  const data = event.data as { created?: KubeObject[]; configured?: KubeObject[]; actions?: Array<{ object?: KubeObject }> };
  if (event.type === 'ObjectsApplied') return [...(data.created ?? []), ...(data.configured ?? [])].some(usesStorage);
  if (event.type === 'ObjectsReconciled') return (data.actions ?? []).some((a) => usesStorage(a.object));
  return false;
}

/** hasStorage scans a cluster once (at start-up) for anything the storage loop looks after. */
export function hasStorage(cluster: KubeCluster): boolean {
  for (const kind of STORAGE_KINDS) if (Object.keys(cluster.objects[kind] ?? {}).length > 0) return true;
  return Object.values(cluster.objects.Pod ?? {}).some((pod) => podNeedsDisks(pod as unknown as Pod));
}
