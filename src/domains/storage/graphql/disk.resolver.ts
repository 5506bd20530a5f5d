import { CommandBus } from '@nestjs/cqrs';
import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Command } from '@nestjs/cqrs';
import { commandContext, type GqlContext } from '../../../platform/graphql/graphql-context.js';
import { requireAccount } from '../../../platform/tenancy/caller.js';
import { ClusterEmulator, KubeReadModel } from '../../cluster/index.js';
import * as commands from '../commands/index.js';
import { DisksReadModel } from '../projections/disks.read-model.js';
import { diskMounts, diskOut } from './storage-views.js';

type Out = ReturnType<typeof diskOut>;

/** DiskResolver: CBS disks, read from the disks read model and changed through disk commands. */
@Resolver('Disk')
export class DiskResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly disks: DisksReadModel,
    private readonly kube: KubeReadModel,
    private readonly emulator: ClusterEmulator,
  ) {}

  @Query('disks')
  list(@Context() ctx: GqlContext, @Args('zone') zone: string | null) {
    return this.disks.list(requireAccount(ctx.caller).accountId, zone).map(diskOut);
  }

  @Query('disk')
  disk(@Context() ctx: GqlContext, @Args('id') id: string) {
    return diskOut(this.disks.get(requireAccount(ctx.caller).accountId, id, 'id'));
  }

  @ResolveField('mounts')
  mounts(@Parent() disk: Out) {
    return diskMounts(disk, disk.clusterId ? this.kube.cluster(disk.accountId, disk.clusterId) : undefined);
  }

  @Mutation('createDisk')
  createDisk(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: commands.CreateDiskInput) {
    return this.run(ctx, (c) => new commands.CreateDiskCommand(c, input), info);
  }

  @Mutation('attachDisk')
  attachDisk(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: commands.AttachDiskInput) {
    return this.run(ctx, (c) => new commands.AttachDiskCommand(c, input), info);
  }

  @Mutation('detachDisk')
  detachDisk(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: commands.DiskIdInput) {
    return this.run(ctx, (c) => new commands.DetachDiskCommand(c, input), info);
  }

  @Mutation('resizeDisk')
  resizeDisk(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: commands.ResizeDiskInput) {
    return this.run(ctx, (c) => new commands.ResizeDiskCommand(c, input), info);
  }

  @Mutation('recordDiskWrites')
  recordDiskWrites(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: commands.RecordDiskWritesInput) {
    return this.run(ctx, (c) => new commands.RecordDiskWritesCommand(c, input), info);
  }

  @Mutation('deleteDisk')
  async deleteDisk(@Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo, @Args('input') input: commands.DiskIdInput) {
    const { diskId } = await this.commands.execute(new commands.DeleteDiskCommand(commandContext(ctx, info), input));
    await this.emulator.idle();
    return { id: diskId };
  }

  /** run executes a disk command, lets the clusters react, and answers the disk as it now is. */
  private async run(ctx: GqlContext, build: (c: ReturnType<typeof commandContext>) => Command<commands.DiskResult>, info: GraphQLResolveInfo) {
    const command = commandContext(ctx, info);
    const { diskId } = await this.commands.execute(build(command));
    await this.emulator.idle();
    return diskOut(this.disks.get(command.accountId, diskId));
  }
}
