import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../platform/commands/command-context.js';
import type { AddNodesInput, CreateClusterInput, DeleteClusterInput, RemoveNodeInput } from '../../../generated/graphql.js';

/** The inputs are generated from schema.graphql; omitted fields take the seed's defaults. */
export type { AddNodesInput, CreateClusterInput, DeleteClusterInput, RemoveNodeInput };

export class CreateClusterCommand extends Command<{ clusterId: string }> {
  constructor(readonly ctx: CommandContext, readonly input: CreateClusterInput) {
    super();
  }
}

export class AddNodesCommand extends Command<{ nodeNames: string[] }> {
  constructor(readonly ctx: CommandContext, readonly input: AddNodesInput) {
    super();
  }
}

export class RemoveNodeCommand extends Command<{ nodeName: string }> {
  constructor(readonly ctx: CommandContext, readonly input: RemoveNodeInput) {
    super();
  }
}

export class DeleteClusterCommand extends Command<{ clusterId: string }> {
  constructor(readonly ctx: CommandContext, readonly input: DeleteClusterInput) {
    super();
  }
}
