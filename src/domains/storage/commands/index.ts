import { AttachDiskHandler } from './attach-disk.handler.js';
import { CreateDiskHandler, DeleteDiskHandler, DetachDiskHandler, RecordDiskWritesHandler, ResizeDiskHandler } from './disk.handlers.js';

export * from './disk.commands.js';

/** commandHandlers are the storage domain's command handlers, spread into its module's providers. */
export const commandHandlers = [CreateDiskHandler, AttachDiskHandler, DetachDiskHandler, ResizeDiskHandler, DeleteDiskHandler, RecordDiskWritesHandler];
