import { DISK_ID_RULE, DISK_TYPES, diskSizeProblem, GIB, isDiskId, isDiskType, MAX_DISKS_PER_CVM } from '../../../emulator/storage/index.js';
import { alreadyExists, DomainError, exhaustive, invalid, notFound, unsupported, type Decider } from '../../../platform/kernel/index.js';
import type { Disk, DiskCommand, DiskEvent } from './disk.types.js';

type Data<T extends DiskCommand['type']> = Extract<DiskCommand, { type: T }>['data'];

const initialState = (): Disk => ({ status: 'absent', accountId: '', id: '', size: 0, type: 'CLOUD_BASIC', zone: '', usedBytes: 0, createdAt: '' });

/** precondition is a refusal the caller can fix by changing the disk's state first. */
const precondition = (message: string): DomainError => new DomainError('FAILED_PRECONDITION', message, 'diskId');

/** existing returns the disk if the caller's account owns it and it is not deleted; anything else is NOT_FOUND. */
function existing(state: Disk, accountId: string, diskId: string): Disk {
  if (state.status === 'absent' || state.status === 'DELETED' || state.accountId !== accountId) throw notFound('disks', diskId, 'diskId');
  return state;
}

/** idle refuses while an attach, detach or expansion is in flight (CBS answers such calls with a busy error). */
function idle(disk: Disk): Disk {
  if (disk.status === 'ATTACHING' || disk.status === 'DETACHING' || disk.status === 'EXPANDING') {
    throw precondition(`disk "${disk.id}" is ${disk.status}: wait until the current operation completes`);
  }
  return disk;
}

function createDisk(command: Data<'CreateDisk'>, state: Disk): DiskEvent[] {
  const { accountId, diskId, size, diskType, zone, at } = command;
  if (!isDiskId(diskId)) throw invalid('diskId', diskId, DISK_ID_RULE);
  if (state.status !== 'absent') throw alreadyExists('disks', diskId, 'diskId');
  if (!isDiskType(diskType)) throw unsupported('type', diskType, DISK_TYPES);
  const problem = diskSizeProblem(diskType, size);
  if (problem) throw invalid('size', size, problem);
  if (zone === '') throw invalid('zone', zone, 'must name the availability zone the disk lives in');
  return [{ type: 'DiskCreated', data: { accountId, diskId, size, diskType, zone, createdAt: at } }];
}

function attachDisk(command: Data<'AttachDisk'>, state: Disk): DiskEvent[] {
  const { accountId, diskId, nodeName, nodeZone, disksOnNode, at, clusterId, byController } = command;
  const disk = existing(state, accountId, diskId);
  // Attaching a disk where it already is (or is going) changes nothing: level-triggered callers may ask twice.
  if ((disk.status === 'ATTACHED' || disk.status === 'ATTACHING') && disk.attachedTo === nodeName && disk.clusterId === clusterId) return [];
  if (disk.attachedTo !== undefined) {
    throw precondition(`disk "${diskId}" is already attached to ${disk.attachedTo}: a CBS disk attaches to one CVM at a time, detach it first`);
  }
  idle(disk);
  if (nodeZone !== disk.zone) {
    throw invalid('nodeName', nodeName, `the CVM is in ${nodeZone} but disk "${diskId}" is in ${disk.zone}: a CBS disk attaches only to a CVM in its own zone`);
  }
  if (disksOnNode >= MAX_DISKS_PER_CVM) {
    throw new DomainError('QUOTA_EXCEEDED', `nodeName: CVM ${nodeName} already has ${disksOnNode} CBS disks attached, the most one CVM takes is ${MAX_DISKS_PER_CVM}`, 'nodeName');
  }
  return [{ type: 'DiskAttachStarted', data: { diskId, nodeName, at, ...(clusterId ? { clusterId } : {}), ...(byController ? { byController: true as const } : {}) } }];
}

function detachDisk(command: Data<'DetachDisk'>, state: Disk): DiskEvent[] {
  const { accountId, diskId, at } = command;
  const disk = idle(existing(state, accountId, diskId));
  if (disk.attachedTo === undefined) throw precondition(`disk "${diskId}" is not attached to any CVM`);
  return [{ type: 'DiskDetachStarted', data: { diskId, nodeName: disk.attachedTo, at } }];
}

function resizeDisk(command: Data<'ResizeDisk'>, state: Disk): DiskEvent[] {
  const { accountId, diskId, size, at } = command;
  const disk = idle(existing(state, accountId, diskId));
  if (!(size > disk.size)) throw invalid('size', size, `must be larger than the disk's current ${disk.size} GB: CBS disks only grow`);
  const problem = diskSizeProblem(disk.type, size);
  if (problem) throw invalid('size', size, problem);
  return [{ type: 'DiskResizeStarted', data: { diskId, fromSize: disk.size, toSize: size, at } }];
}

function deleteDisk(command: Data<'DeleteDisk'>, state: Disk): DiskEvent[] {
  const { accountId, diskId, at } = command;
  const disk = idle(existing(state, accountId, diskId));
  if (disk.attachedTo !== undefined) throw precondition(`disk "${diskId}" is attached to ${disk.attachedTo}: detach it before deleting it`);
  return [{ type: 'DiskDeleted', data: { diskId, deletedAt: at } }];
}

function recordWrites(command: Data<'RecordDiskWrites'>, state: Disk): DiskEvent[] {
  const { accountId, diskId, bytes, at } = command;
  const disk = existing(state, accountId, diskId);
  if (!Number.isInteger(bytes) || bytes < 0) throw invalid('bytes', bytes, 'must be a whole number of bytes, 0 or more');
  // A disk holds no more than its size: writes past it fail in the guest, they do not grow the disk.
  const usedBytes = Math.min(disk.size * GIB, disk.usedBytes + bytes);
  return usedBytes === disk.usedBytes ? [] : [{ type: 'DiskWritesRecorded', data: { diskId, usedBytes, at } }];
}

/** complete finishes whatever operation is pending; a timer that fires with nothing pending changes nothing. */
function complete(command: Data<'CompleteDiskOperation'>, disk: Disk): DiskEvent[] {
  const { diskId, at } = command;
  const nodeName = disk.attachedTo ?? '';
  switch (disk.status) {
    case 'ATTACHING':
      return [{ type: 'DiskAttached', data: { diskId, nodeName, at } }];
    case 'DETACHING':
      return [{ type: 'DiskDetached', data: { diskId, nodeName, at } }];
    case 'EXPANDING':
      return [{ type: 'DiskResized', data: { diskId, size: disk.resizingTo ?? disk.size, at } }];
    default:
      return [];
  }
}

/** settled is the state a disk rests in once nothing is pending. */
const settled = (disk: Disk): Disk['status'] => (disk.attachedTo === undefined ? 'UNATTACHED' : 'ATTACHED');

/** diskDecider: one CBS disk, created in a zone, attached to one CVM of that zone at a time, grown, detached and deleted. */
export const diskDecider: Decider<Disk, DiskCommand, DiskEvent> = {
  get initialState() {
    return initialState();
  },
  decide(command, state) {
    switch (command.type) {
      case 'CreateDisk':
        return createDisk(command.data, state);
      case 'AttachDisk':
        return attachDisk(command.data, state);
      case 'DetachDisk':
        return detachDisk(command.data, state);
      case 'ResizeDisk':
        return resizeDisk(command.data, state);
      case 'DeleteDisk':
        return deleteDisk(command.data, state);
      case 'RecordDiskWrites':
        return recordWrites(command.data, state);
      case 'CompleteDiskOperation':
        return complete(command.data, state);
      default:
        return exhaustive(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'DiskCreated': {
        const { accountId, diskId, size, diskType, zone, createdAt } = event.data;
        return { ...state, status: 'UNATTACHED', accountId, id: diskId, size, type: diskType, zone, createdAt };
      }
      case 'DiskAttachStarted': {
        const { nodeName, clusterId, byController } = event.data;
        return { ...state, status: 'ATTACHING', attachedTo: nodeName, ...(clusterId ? { clusterId } : {}), ...(byController ? { managed: true as const } : {}) };
      }
      case 'DiskAttached':
        return { ...state, status: 'ATTACHED', attachedTo: event.data.nodeName };
      case 'DiskDetachStarted':
        return { ...state, status: 'DETACHING' };
      case 'DiskDetached': {
        const { attachedTo: _gone, clusterId: _cluster, managed: _managed, ...rest } = state;
        return { ...rest, status: 'UNATTACHED' };
      }
      case 'DiskResizeStarted':
        return { ...state, status: 'EXPANDING', resizingTo: event.data.toSize };
      case 'DiskResized': {
        const { resizingTo: _done, ...rest } = state;
        return { ...rest, size: event.data.size, status: settled(state) };
      }
      case 'DiskWritesRecorded':
        return { ...state, usedBytes: event.data.usedBytes };
      case 'DiskDeleted':
        return { ...state, status: 'DELETED' };
      default:
        return exhaustive(event);
    }
  },
};
