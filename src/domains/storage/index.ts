/** The storage domain's public face: its events and read-model types, for other domains and the app. */
export type { Disk, DiskEvent, DiskCommand } from './disk/disk.types.js';
export { diskStream, DISK_OPERATION_SECONDS } from './disk/disk.types.js';
export { disksProjection, type DisksState, type DiskRecord } from './projections/disks.projection.js';
export { DisksReadModel } from './projections/disks.read-model.js';
export { StorageModule } from './storage.module.js';
