import { getObject, type Node, type ObjectStore, type PersistentVolume, type PersistentVolumeClaim, type Pod } from '../kube/index.js';
import { Status } from '../scheduler/framework.js';
import type { DiskView } from './cbs.js';
import { podVolumeNeeds } from './pod-volumes.js';
import { ZONE_LABELS } from './volume-binding-filter.js';

/** VolumeZone's rule as a pure helper (plugins/volumezone): a pod's zonal volumes must be in the node's zone. */

/** ERR_REASON_ZONE_CONFLICT is kube-scheduler's reason when a volume's zone is not the node's. */
export const ERR_REASON_ZONE_CONFLICT = 'node(s) had no available volume zone';

/** volumeZones lists the zones of the pod's bound PVs (their zone labels, `__`-separated sets allowed) and of its inline CBS disks. */
export function volumeZones(pod: Pod, store: ObjectStore, disks: ReadonlyMap<string, DiskView>): Array<{ key: string; zones: string[] }> {
  const out: Array<{ key: string; zones: string[] }> = [];
  for (const v of pod.spec.volumes ?? []) {
    const claimName = (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName;
    const claim = claimName ? getObject<PersistentVolumeClaim>(store, 'PersistentVolumeClaim', pod.metadata.namespace, claimName) : undefined;
    const volume = claim?.spec.volumeName ? getObject<PersistentVolume>(store, 'PersistentVolume', undefined, claim.spec.volumeName) : undefined;
    for (const key of ZONE_LABELS) {
      const value = volume?.metadata.labels?.[key];
      if (value) out.push({ key, zones: value.split('__') });
    }
  }
  for (const d of podVolumeNeeds(pod, store).disks) {
    const zone = disks.get(d.diskId)?.zone;
    const inline = (pod.spec.volumes ?? []).some((v) => v.name === d.podVolume && v.qcloudCbs);
    if (zone && inline) out.push({ key: ZONE_LABELS[0], zones: [zone] });
  }
  return out;
}

/** volumeZoneFits is Filter: each volume zone matches the node's label of the same key (GA or beta); a node without zone labels passes. */
export function volumeZoneFits(pod: Pod, node: Node, store: ObjectStore, disks: ReadonlyMap<string, DiskView>): Status {
  return volumeZonesFit(volumeZones(pod, store, disks), node);
}

/** volumeZonesFit is volumeZoneFits over zones already listed (the plugin lists them once per pod in PreFilter). */
export function volumeZonesFit(volumeZoneList: ReadonlyArray<{ key: string; zones: string[] }>, node: Pick<Node, 'metadata'>): Status {
  const labels = node.metadata.labels ?? {};
  if (!ZONE_LABELS.some((k) => labels[k] !== undefined)) return Status.success;
  for (const { key, zones } of volumeZoneList) {
    const nodeZone = labels[key] ?? labels[ZONE_LABELS[0]] ?? labels[ZONE_LABELS[1]];
    if (!zones.includes(nodeZone)) return Status.unresolvable(ERR_REASON_ZONE_CONFLICT);
  }
  return Status.success;
}
