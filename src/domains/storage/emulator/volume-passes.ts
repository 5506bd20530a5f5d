import type { ControllerAction } from '../../../emulator/controllers/controller.js';
import { listObjects, type Pod } from '../../../emulator/kube/index.js';
import {
  attachSucceededEvents,
  podClaims,
  reconcileAttachments,
  selectedNodeActions,
  syncNodeVolumes,
  syncPersistentVolumes,
  type AttachRequest,
  type DetachRequest,
  type DiskRequest,
  type StorageWorld,
} from '../../../emulator/storage/index.js';
import { Status } from '../../../emulator/scheduler/index.js';

/** The storage loop's two passes over one cluster, as pure functions of its objects and disks: what to write to the API and ask of CBS. */

/** BinderPass is the PV controller's writes, and the disks provisioning creates and reclaiming deletes. */
export interface BinderPass {
  readonly actions: ControllerAction[];
  readonly createDisks: DiskRequest[];
  readonly deleteDisks: string[];
}

/** selectedNodes is the scheduler's PreBind for claims waiting for a first consumer: each learns its pod's node. */
function selectedNodes(world: StorageWorld): ControllerAction[] {
  const actions: ControllerAction[] = [];
  for (const pod of listObjects<Pod>(world.store, 'Pod')) {
    if (!pod.spec.nodeName || !pod.spec.volumes?.some((v) => v.persistentVolumeClaim)) continue;
    const claims = podClaims(pod, world.store);
    if (!(claims instanceof Status)) actions.push(...selectedNodeActions(claims, pod.spec.nodeName));
  }
  return actions;
}

/** binderPass runs the PV binder; claims waiting for a consumer first learn their pod's node, and are provisioned next pass. */
export function binderPass(world: StorageWorld): BinderPass {
  const selected = selectedNodes(world);
  if (selected.length > 0) return { actions: selected, createDisks: [], deleteDisks: [] };
  return syncPersistentVolumes(world);
}

/** AttachPass is the attach/detach controller's writes (pod events, node.status.volumesAttached) and its CBS requests. */
export interface AttachPass {
  readonly actions: ControllerAction[];
  readonly attach: AttachRequest[];
  readonly detach: DetachRequest[];
}

/** attachPass reconciles attachments and reports on nodes what is attached, with SuccessfulAttachVolume for what just became so. */
export function attachPass(world: StorageWorld): AttachPass {
  const work = reconcileAttachments(world);
  const nodes = syncNodeVolumes(world.store, world.disks);
  const succeeded = nodes.newlyAttached.flatMap((a) => attachSucceededEvents(world, a.diskId, a.nodeName));
  return { actions: [...work.actions, ...nodes.actions, ...succeeded], attach: work.attach, detach: work.detach };
}
