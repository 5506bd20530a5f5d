import type { DiskState, DiskType } from '../../../emulator/storage/index.js';

/** diskStream is the stream of one CBS disk. */
export const diskStream = (diskId: string): string => `disk-${diskId}`;

/** DISK_OPERATION_SECONDS is how much virtual time each asynchronous CBS operation takes before its completion event. */
export const DISK_OPERATION_SECONDS = { attach: 5, detach: 5, resize: 10 } as const;

/** DiskCommand is what a caller (a GraphQL mutation, the attach/detach controller, a timer) asks of one disk. */
export type DiskCommand =
  | { type: 'CreateDisk'; data: { accountId: string; diskId: string; size: number; diskType: string; zone: string; at: string } }
  | { type: 'AttachDisk'; data: { accountId: string; diskId: string; nodeName: string; nodeZone: string; disksOnNode: number; at: string; clusterId?: string; byController?: boolean } }
  | { type: 'DetachDisk'; data: { accountId: string; diskId: string; at: string } }
  | { type: 'ResizeDisk'; data: { accountId: string; diskId: string; size: number; at: string } }
  | { type: 'DeleteDisk'; data: { accountId: string; diskId: string; at: string } }
  | { type: 'RecordDiskWrites'; data: { accountId: string; diskId: string; bytes: number; at: string } }
  /** CompleteDiskOperation is the timer's command: the pending attach, detach or resize finishes. */
  | { type: 'CompleteDiskOperation'; data: { diskId: string; at: string } };

/** DiskEvent is what happened to a disk; `type` strings are persisted and never renamed. */
export type DiskEvent =
  | { type: 'DiskCreated'; data: { accountId: string; diskId: string; size: number; diskType: DiskType; zone: string; createdAt: string } }
  | { type: 'DiskAttachStarted'; data: { diskId: string; nodeName: string; at: string; clusterId?: string; byController?: true } }
  | { type: 'DiskAttached'; data: { diskId: string; nodeName: string; at: string } }
  | { type: 'DiskDetachStarted'; data: { diskId: string; nodeName: string; at: string } }
  | { type: 'DiskDetached'; data: { diskId: string; nodeName: string; at: string } }
  | { type: 'DiskResizeStarted'; data: { diskId: string; fromSize: number; toSize: number; at: string } }
  | { type: 'DiskResized'; data: { diskId: string; size: number; at: string } }
  | { type: 'DiskWritesRecorded'; data: { diskId: string; usedBytes: number; at: string } }
  | { type: 'DiskDeleted'; data: { diskId: string; deletedAt: string } };

/** DiskStatus is a disk's CBS state, or `absent` before it is created. */
export type DiskStatus = DiskState | 'absent';

/** Disk is one CBS disk as decisions about it need it, and as the read model shows it. */
export interface Disk {
  readonly status: DiskStatus;
  readonly accountId: string;
  readonly id: string;
  /** size is in GB (2^30 bytes, as CBS counts). */
  readonly size: number;
  readonly type: DiskType;
  readonly zone: string;
  /** attachedTo is the node name (CVM private IP) while attaching, attached or detaching. */
  readonly attachedTo?: string;
  /** clusterId is the cluster whose node `attachedTo` names (node names are private IPs, unique only within a VPC). */
  readonly clusterId?: string;
  /** managed: the attach/detach controller attached it (for a pod), so it also detaches it once no pod uses it. */
  readonly managed?: true;
  /** resizingTo is the size a pending expansion grows the disk to. */
  readonly resizingTo?: number;
  readonly usedBytes: number;
  readonly createdAt: string;
}
