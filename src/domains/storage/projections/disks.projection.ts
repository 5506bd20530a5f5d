import type { Projection, StoredEvent } from '../../../platform/kernel/index.js';
import { diskDecider } from '../disk/disk.decider.js';
import type { Disk, DiskEvent } from '../disk/disk.types.js';

/** DiskRecord is a disk as the read model keeps it: its state, and since when its pending operation runs. */
export type DiskRecord = Disk & { readonly pendingSince?: string };

/** DisksState is every live CBS disk by id (deleted disks leave it). */
export interface DisksState {
  disks: Record<string, DiskRecord>;
}

const DISK_EVENTS = new Set<string>([
  'DiskCreated',
  'DiskAttachStarted',
  'DiskAttached',
  'DiskDetachStarted',
  'DiskDetached',
  'DiskResizeStarted',
  'DiskResized',
  'DiskWritesRecorded',
  'DiskDeleted',
]);

const STARTED = new Set<string>(['DiskAttachStarted', 'DiskDetachStarted', 'DiskResizeStarted']);

/** disksProjection folds disk events with the disk decider's own evolve, so the read model and decisions agree. */
export const disksProjection: Projection<DisksState> = {
  name: 'disks',
  version: 1,
  initialState: () => ({ disks: {} }),
  apply(state, stored: StoredEvent) {
    if (!DISK_EVENTS.has(stored.type)) return;
    const event = stored as unknown as DiskEvent;
    const id = event.data.diskId;
    const before = state.disks[id] ?? diskDecider.initialState;
    const { pendingSince: _was, ...disk } = diskDecider.evolve(before, event) as DiskRecord;
    if (disk.status === 'DELETED') {
      delete state.disks[id];
      return;
    }
    const at = (event.data as { at?: string }).at;
    state.disks[id] = STARTED.has(event.type) && at ? { ...disk, pendingSince: at } : disk;
  },
};
