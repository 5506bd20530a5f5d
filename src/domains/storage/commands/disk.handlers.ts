import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newDiskId } from '../../../emulator/storage/index.js';
import { CommandPipeline } from '../../../platform/commands/command-pipeline.js';
import { DisksReadModel } from '../projections/disks.read-model.js';
import { CreateDiskCommand, DeleteDiskCommand, DetachDiskCommand, RecordDiskWritesCommand, ResizeDiskCommand, type DiskResult } from './disk.commands.js';
import { runDiskCommand } from './run-disk-command.js';

/** CreateDiskHandler creates a disk under the id asked for, or a fresh `disk-xxxxxxxx` from the account's generator. */
@CommandHandler(CreateDiskCommand)
export class CreateDiskHandler implements ICommandHandler<CreateDiskCommand> {
  constructor(private readonly pipeline: CommandPipeline, private readonly disks: DisksReadModel) {}

  execute({ ctx, input }: CreateDiskCommand): Promise<DiskResult> {
    return runDiskCommand(this.pipeline, ctx, { type: 'CreateDisk', payload: input }, (env) => {
      const diskId = input.diskId ?? newDiskId(env.random, (id) => this.disks.all().some((d) => d.id === id));
      return { type: 'CreateDisk', data: { accountId: ctx.accountId, diskId, size: input.size, diskType: input.type ?? 'CLOUD_BASIC', zone: input.zone, at: env.at } };
    });
  }
}

/** DetachDiskHandler starts detaching a disk from its CVM. */
@CommandHandler(DetachDiskCommand)
export class DetachDiskHandler implements ICommandHandler<DetachDiskCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ ctx, input }: DetachDiskCommand): Promise<DiskResult> {
    return runDiskCommand(this.pipeline, ctx, { type: 'DetachDisk', payload: input }, (env) => ({ type: 'DetachDisk', data: { accountId: ctx.accountId, diskId: input.diskId, at: env.at } }));
  }
}

/** ResizeDiskHandler starts growing a disk. */
@CommandHandler(ResizeDiskCommand)
export class ResizeDiskHandler implements ICommandHandler<ResizeDiskCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ ctx, input }: ResizeDiskCommand): Promise<DiskResult> {
    const { diskId, size } = input;
    return runDiskCommand(this.pipeline, ctx, { type: 'ResizeDisk', payload: input }, (env) => ({ type: 'ResizeDisk', data: { accountId: ctx.accountId, diskId, size, at: env.at } }));
  }
}

/** DeleteDiskHandler deletes a detached disk. */
@CommandHandler(DeleteDiskCommand)
export class DeleteDiskHandler implements ICommandHandler<DeleteDiskCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ ctx, input }: DeleteDiskCommand): Promise<DiskResult> {
    return runDiskCommand(this.pipeline, ctx, { type: 'DeleteDisk', payload: input }, (env) => ({ type: 'DeleteDisk', data: { accountId: ctx.accountId, diskId: input.diskId, at: env.at } }));
  }
}

/** RecordDiskWritesHandler adds simulated writes to a disk. */
@CommandHandler(RecordDiskWritesCommand)
export class RecordDiskWritesHandler implements ICommandHandler<RecordDiskWritesCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ ctx, input }: RecordDiskWritesCommand): Promise<DiskResult> {
    const { diskId, bytes } = input;
    return runDiskCommand(this.pipeline, ctx, { type: 'RecordDiskWrites', payload: input }, (env) => ({ type: 'RecordDiskWrites', data: { accountId: ctx.accountId, diskId, bytes, at: env.at } }));
  }
}
