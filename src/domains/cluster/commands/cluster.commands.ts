import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../platform/commands/command-context.js';

/** CreateClusterInput mirrors schema.graphql; omitted fields take the seed's defaults. */
export interface CreateClusterInput {
  name: string;
  description?: string | null;
  region?: string | null;
  zone?: string | null;
  vpcCidr?: string | null;
  podCidr?: string | null;
  serviceCidr?: string | null;
  kubernetesVersion?: string | null;
}

export interface AddNodesInput {
  clusterId: string;
  count: number;
  instanceType?: string | null;
  expectedVersion?: number | null;
}

export interface RemoveNodeInput {
  clusterId: string;
  nodeName: string;
  expectedVersion?: number | null;
}

export interface DeleteClusterInput {
  clusterId: string;
  expectedVersion?: number | null;
}

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
