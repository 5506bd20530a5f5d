import type { ControllerAction } from '../controllers/controller.js';
import { eventAbout } from '../controllers/helpers/events.js';
import { getObject, LABEL_ZONE, listObjects, type Node, type Pod } from '../kube/index.js';
import { MAX_DISKS_PER_CVM, type DiskView } from './cbs.js';
import { reportOnce } from './event-memory.js';
import { multiAttachMessage } from './multi-attach.js';
import { attachedVolumeName } from './node-volumes.js';
import { podVolumeNeeds, type PodDisk } from './pod-volumes.js';
import type { StorageWorld } from './storage-world.js';

/** The attach/detach controller (pkg/controller/volume/attachdetach): disks follow the pods scheduled to nodes. */

/** ATTACH_DETACH_CONTROLLER is the controller's name in events. */
export const ATTACH_DETACH_CONTROLLER = 'attachdetach-controller';

/** AttachRequest asks the storage domain to attach a disk (AttachDisk) to a node; disksOnNode is what the CVM already holds. */
export interface AttachRequest {
  readonly diskId: string;
  readonly nodeName: string;
  readonly disksOnNode: number;
}

/** DetachRequest asks the storage domain to detach a disk (DetachDisk) from the node it is on. */
export interface DetachRequest {
  readonly diskId: string;
  readonly nodeName: string;
}

/** AttachDetachWork is one pass's requests and the events it reports on pods. */
export interface AttachDetachWork {
  readonly attach: AttachRequest[];
  readonly detach: DetachRequest[];
  readonly actions: ControllerAction[];
}

/** Use is a pod's use of a disk on a node. */
interface Use {
  readonly pod: Pod;
  readonly disk: PodDisk;
}

const terminal = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** usesByDisk groups the CBS disk uses of pods on nodes: every such pod keeps its disk in use; only live, undeleted ones ask for an attach. */
function usesByDisk(world: StorageWorld): Map<string, Use[]> {
  const uses = new Map<string, Use[]>();
  for (const pod of listObjects<Pod>(world.store, 'Pod')) {
    if (!pod.spec.nodeName || terminal(pod)) continue;
    for (const disk of podVolumeNeeds(pod, world.store).disks) uses.set(disk.diskId, [...(uses.get(disk.diskId) ?? []), { pod, disk }]);
  }
  return uses;
}

const failed = (world: StorageWorld, use: Use, error: string): ControllerAction[] =>
  reportOnce(world.store, world.now, use.pod, 'Warning', 'FailedAttachVolume', `AttachVolume.Attach failed for volume "${use.disk.volumeName}" : ${error}`, ATTACH_DETACH_CONTROLLER);

/** attachOne decides for one disk that live pods want: attach it, report why it cannot be, or wait. */
function attachOne(world: StorageWorld, work: AttachDetachWork, disk: DiskView | undefined, wanting: Use[], all: Use[], onNode: Map<string, number>): void {
  const first = wanting[0];
  if (!disk) return void work.actions.push(...wanting.flatMap((u) => failed(world, u, `disk "${u.disk.diskId}" not found`)));
  const holder = disk.attachedTo ?? (disk.state === 'UNATTACHED' ? undefined : '');
  const elsewhere = wanting.filter((u) => holder !== undefined && u.pod.spec.nodeName !== holder);
  for (const use of elsewhere) {
    const others = all.filter((u) => u.pod.spec.nodeName === holder).map((u) => u.pod);
    work.actions.push(...reportOnce(world.store, world.now, use.pod, 'Warning', 'FailedAttachVolume', multiAttachMessage(use.disk.volumeName, use.pod, others), ATTACH_DETACH_CONTROLLER));
  }
  if (holder !== undefined) return;
  const nodeName = first.pod.spec.nodeName ?? '';
  const zone = getObject<Node>(world.store, 'Node', undefined, nodeName)?.metadata.labels?.[LABEL_ZONE];
  if (zone !== undefined && zone !== disk.zone) return void work.actions.push(...failed(world, first, `disk "${disk.diskId}" is in ${disk.zone} but node ${nodeName} is in ${zone}: a CBS disk attaches only to a CVM in its own zone`));
  const disksOnNode = onNode.get(nodeName) ?? 0;
  if (disksOnNode >= MAX_DISKS_PER_CVM) return void work.actions.push(...failed(world, first, `CVM ${nodeName} already has ${disksOnNode} CBS disks attached, the most one CVM takes is ${MAX_DISKS_PER_CVM}`));
  onNode.set(nodeName, disksOnNode + 1);
  work.attach.push({ diskId: disk.diskId, nodeName, disksOnNode });
}

/** reportedAttached: the node lists the disk in status.volumesAttached, i.e. the attach/detach controller manages it. */
function reportedAttached(world: StorageWorld, disk: DiskView): boolean {
  const node = getObject<Node>(world.store, 'Node', undefined, disk.attachedTo ?? '');
  const name = attachedVolumeName(disk.diskId);
  // A node that is gone takes no report; its disks are the controller's to clean up.
  return !node || (node.status.volumesAttached ?? []).some((v) => v.name === name);
}

/** reconcileAttachments is one pass: attach disks to the nodes of the pods that use them, detach disks no pod on their node uses. */
export function reconcileAttachments(world: StorageWorld): AttachDetachWork {
  const work: AttachDetachWork = { attach: [], detach: [], actions: [] };
  const uses = usesByDisk(world);
  const onNode = new Map<string, number>();
  for (const disk of world.disks.values()) if (disk.attachedTo) onNode.set(disk.attachedTo, (onNode.get(disk.attachedTo) ?? 0) + 1);
  for (const [diskId, all] of uses) {
    const wanting = all.filter((u) => !u.pod.metadata.deletionTimestamp);
    if (wanting.length > 0) attachOne(world, work, world.disks.get(diskId), wanting, all, onNode);
  }
  for (const disk of world.disks.values()) {
    // A disk goes once no pod on its node uses it any more: the kubelet unmounted it when the pod stopped.
    // Only disks the controller attached or reports on the node are its own: a disk a user attached through the CBS API stays.
    // (One attached for a pod deleted while it was attaching was never reported, and goes too.)
    if (disk.state !== 'ATTACHED' || !disk.attachedTo || !(disk.managed || reportedAttached(world, disk))) continue;
    if (!(uses.get(disk.diskId) ?? []).some((u) => u.pod.spec.nodeName === disk.attachedTo)) work.detach.push({ diskId: disk.diskId, nodeName: disk.attachedTo });
  }
  return work;
}

/** attachSucceededEvents are the `SuccessfulAttachVolume` events to record when a disk finishes attaching: one per pod on that node using it. */
export function attachSucceededEvents(world: Pick<StorageWorld, 'store'>, diskId: string, nodeName: string): ControllerAction[] {
  return listObjects<Pod>(world.store, 'Pod').flatMap((pod) => {
    if (pod.spec.nodeName !== nodeName || pod.metadata.deletionTimestamp) return [];
    const use = podVolumeNeeds(pod, world.store).disks.find((d) => d.diskId === diskId);
    return use ? [eventAbout(pod, 'Normal', 'SuccessfulAttachVolume', `AttachVolume.Attach succeeded for volume "${use.volumeName}"`, ATTACH_DETACH_CONTROLLER)] : [];
  });
}
