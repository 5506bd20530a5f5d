import { Command } from '@nestjs/cqrs';
import type { AttachDiskInput, CreateDiskInput, DiskIdInput, RecordDiskWritesInput, ResizeDiskInput } from '../../../generated/graphql.js';
import type { CommandContext } from '../../../platform/commands/command-context.js';

/** The inputs are generated from schema.graphql. */
export type { AttachDiskInput, CreateDiskInput, DiskIdInput, RecordDiskWritesInput, ResizeDiskInput };

/** DiskResult names the disk a command acted on. */
export interface DiskResult {
  readonly diskId: string;
}

/** CreateDiskCommand creates a CBS disk. */
export class CreateDiskCommand extends Command<DiskResult> {
  constructor(readonly ctx: CommandContext, readonly input: CreateDiskInput) {
    super();
  }
}

/** AttachDiskCommand attaches a disk to a node of a cluster. */
export class AttachDiskCommand extends Command<DiskResult> {
  constructor(readonly ctx: CommandContext, readonly input: AttachDiskInput) {
    super();
  }
}

/** DetachDiskCommand detaches a disk from its CVM. */
export class DetachDiskCommand extends Command<DiskResult> {
  constructor(readonly ctx: CommandContext, readonly input: DiskIdInput) {
    super();
  }
}

/** ResizeDiskCommand grows a disk. */
export class ResizeDiskCommand extends Command<DiskResult> {
  constructor(readonly ctx: CommandContext, readonly input: ResizeDiskInput) {
    super();
  }
}

/** DeleteDiskCommand deletes a detached disk. */
export class DeleteDiskCommand extends Command<DiskResult> {
  constructor(readonly ctx: CommandContext, readonly input: DiskIdInput) {
    super();
  }
}

/** RecordDiskWritesCommand adds simulated writes to a disk's used bytes. */
export class RecordDiskWritesCommand extends Command<DiskResult> {
  constructor(readonly ctx: CommandContext, readonly input: RecordDiskWritesInput) {
    super();
  }
}
