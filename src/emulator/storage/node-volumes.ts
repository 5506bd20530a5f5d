import type { ControllerAction } from '../controllers/controller.js';
import { statusAction } from '../controllers/helpers/events.js';
import { getObject, listObjects, type AttachedVolume, type Node, type ObjectStore, type PersistentVolume, type PersistentVolumeClaim, type Pod } from '../kube/index.js';
import type { DiskView } from './cbs.js';
import { cbsDiskIdOf } from './volume-sync.js';

/** What the attach/detach controller reports on nodes (node.status.volumesAttached), and what the kubelet waits for before starting a pod. */

/** CBS_PLUGIN is the in-tree volume plugin's name, as node.status.volumesAttached names CBS volumes. */
export const CBS_PLUGIN = 'kubernetes.io/qcloud-cbs';

/** attachedVolumeName is a disk's entry name in node.status.volumesAttached: `kubernetes.io/qcloud-cbs/disk-echj2drf`. */
export const attachedVolumeName = (diskId: string): string => `${CBS_PLUGIN}/${diskId}`;

/** devicePath is where the guest sees the n-th data disk: /dev/vdb, /dev/vdc, ... (vda is the system disk). */
const devicePath = (index: number): string => `/dev/vd${String.fromCharCode(98 + index)}`;

/** reportedOnNode: the disk is attached (or growing while attached) to the node, so the kubelet may mount it. */
const reportedOnNode = (disk: DiskView, nodeName: string): boolean => disk.attachedTo === nodeName && (disk.state === 'ATTACHED' || disk.state === 'EXPANDING');

/** desiredVolumesAttached keeps the node's entries still attached (with their device paths) and appends, on the lowest free device, disks attached there that its pods use. */
export function desiredVolumesAttached(node: Node, disks: Iterable<DiskView>, inUse: ReadonlySet<string>): AttachedVolume[] {
  const listed = new Set((node.status.volumesAttached ?? []).map((v) => v.name));
  const wanted = new Set<string>();
  for (const disk of disks) {
    const name = attachedVolumeName(disk.diskId);
    if (reportedOnNode(disk, node.metadata.name ?? '') && (listed.has(name) || inUse.has(disk.diskId))) wanted.add(name);
  }
  const kept = (node.status.volumesAttached ?? []).filter((v) => wanted.has(v.name));
  const used = new Set(kept.map((v) => v.devicePath));
  const known = new Set(kept.map((v) => v.name));
  let next = 0;
  for (const name of [...wanted].sort()) {
    if (known.has(name)) continue;
    while (used.has(devicePath(next))) next++;
    used.add(devicePath(next));
    kept.push({ name, devicePath: devicePath(next) });
  }
  return kept;
}

/** NodeVolumesWork is the node status writes of one pass and the disks newly reported attached, per node. */
export interface NodeVolumesWork {
  readonly actions: ControllerAction[];
  readonly newlyAttached: Array<{ readonly diskId: string; readonly nodeName: string }>;
}

/** disksInUseByNode maps each node to the CBS disks its pods (not finished) mount. */
function disksInUseByNode(store: ObjectStore): Map<string, Set<string>> {
  const inUse = new Map<string, Set<string>>();
  for (const pod of listObjects<Pod>(store, 'Pod')) {
    const nodeName = pod.spec.nodeName;
    if (!nodeName || !podNeedsDisks(pod) || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const set = inUse.get(nodeName) ?? inUse.set(nodeName, new Set()).get(nodeName)!;
    for (const volume of pod.spec.volumes ?? []) {
      const diskId = diskOfVolume(pod, volume, store);
      if (diskId) set.add(diskId);
    }
  }
  return inUse;
}

const NONE: ReadonlySet<string> = new Set();

/** syncNodeVolumes brings every node's status.volumesAttached in line with the CBS disks the controller attached to it for its pods. */
export function syncNodeVolumes(store: ObjectStore, disks: ReadonlyMap<string, DiskView>): NodeVolumesWork {
  const work: NodeVolumesWork = { actions: [], newlyAttached: [] };
  const inUse = disksInUseByNode(store);
  for (const node of listObjects<Node>(store, 'Node')) {
    const before = node.status.volumesAttached ?? [];
    const after = desiredVolumesAttached(node, disks.values(), inUse.get(node.metadata.name ?? '') ?? NONE);
    if (before.length === after.length && before.every((v, i) => v.name === after[i].name && v.devicePath === after[i].devicePath)) continue;
    const { volumesAttached: _old, ...rest } = node.status;
    work.actions.push(statusAction(node, after.length > 0 ? { ...rest, volumesAttached: after } : rest));
    const had = new Set(before.map((v) => v.name));
    for (const v of after) if (!had.has(v.name)) work.newlyAttached.push({ diskId: v.name.slice(CBS_PLUGIN.length + 1), nodeName: node.metadata.name ?? '' });
  }
  return work;
}

/** podNeedsDisks: the pod has a qcloudCbs or claim volume (no allocation, so pods without volumes cost one property read). */
export function podNeedsDisks(pod: Pod): boolean {
  const volumes = pod.spec.volumes;
  if (!volumes) return false;
  for (const v of volumes) if (v.qcloudCbs || v.persistentVolumeClaim) return true;
  return false;
}

/** diskOfVolume is the CBS disk behind one pod volume: inline, or through a bound claim's PV; null when a claim is not bound yet, undefined for no disk. */
function diskOfVolume(pod: Pod, volume: NonNullable<Pod['spec']['volumes']>[number], store: ObjectStore): string | null | undefined {
  const inline = (volume.qcloudCbs as { cbsDiskId?: string } | undefined)?.cbsDiskId;
  if (inline) return inline;
  const claimName = (volume.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName;
  if (!claimName) return undefined;
  const claim = getObject<PersistentVolumeClaim>(store, 'PersistentVolumeClaim', pod.metadata.namespace, claimName);
  if (claim?.status?.phase !== 'Bound' || !claim.spec.volumeName) return null;
  const pv = getObject<PersistentVolume>(store, 'PersistentVolume', undefined, claim.spec.volumeName);
  return pv ? cbsDiskIdOf(pv) : null;
}

/** volumesAttachedOnNode is the kubelet's WaitForAttachAndMount: every CBS disk the pod needs is in its node's status.volumesAttached. */
export function volumesAttachedOnNode(pod: Pod, store: ObjectStore): boolean {
  if (!podNeedsDisks(pod)) return true;
  const node = getObject<Node>(store, 'Node', undefined, pod.spec.nodeName ?? '');
  const attached = node?.status.volumesAttached ?? [];
  for (const volume of pod.spec.volumes ?? []) {
    const diskId = diskOfVolume(pod, volume, store);
    if (diskId === null) return false;
    if (diskId !== undefined && !attached.some((v) => v.name === attachedVolumeName(diskId))) return false;
  }
  return true;
}
