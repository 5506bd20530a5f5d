import type { CommandContext } from '../../../platform/commands/command-context.js';
import type { CommandEnv } from '../../../platform/commands/command-env.js';
import { CommandPipeline, target } from '../../../platform/commands/command-pipeline.js';
import { diskDecider } from '../disk/disk.decider.js';
import { diskStream, type DiskCommand } from '../disk/disk.types.js';
import type { DiskResult } from './disk.commands.js';

/** runDiskCommand is the one path of every disk command: load the disk's stream, decide, append; it answers the disk's id. */
export function runDiskCommand(pipeline: CommandPipeline, ctx: CommandContext, request: { type: string; payload: unknown }, build: (env: CommandEnv) => DiskCommand): Promise<DiskResult> {
  return pipeline.run(ctx, request, (env) => {
    const command = build(env);
    return { targets: [target(diskDecider, diskStream(command.data.diskId), command)], result: () => ({ diskId: command.data.diskId }) };
  });
}
