import { Injectable } from '@nestjs/common';
import { notFound } from '../../../platform/kernel/index.js';
import { ProjectionService } from '../../../platform/projections/index.js';
import type { ClustersState, ClusterView } from './clusters.projection.js';

/** ClustersReadModel answers queries about one account's clusters; others' are NOT_FOUND, as absent ones are. */
@Injectable()
export class ClustersReadModel {
  constructor(private readonly projections: ProjectionService) {}

  list(accountId: string): ClusterView[] {
    return Object.values(this.state().clusters).filter((c) => c.accountId === accountId);
  }

  find(accountId: string, clusterId: string): ClusterView | undefined {
    const cluster = this.state().clusters[clusterId];
    return cluster?.accountId === accountId ? cluster : undefined;
  }

  get(accountId: string, clusterId: string, field = 'id'): ClusterView {
    return this.find(accountId, clusterId) ?? failNotFound(clusterId, field);
  }

  /** isTaken says whether any account ever used this cluster id. */
  isTaken(clusterId: string): boolean {
    return this.state().takenIds[clusterId] === true;
  }

  private state(): ClustersState {
    return this.projections.state<ClustersState>('clusters');
  }
}

function failNotFound(clusterId: string, field: string): never {
  throw notFound('clusters', clusterId, field);
}
