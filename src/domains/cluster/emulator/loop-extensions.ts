import { Injectable } from '@nestjs/common';
import type { KubeCluster } from '../kube/kube.types.js';

/** ClusterLoopStep is another domain's controller run inside the cluster's control loop, so every command stays in one deterministic order. */
export interface ClusterLoopStep {
  readonly name: string;
  /** step acts on one cluster at virtual time `now` (through commands) and says whether it changed anything. */
  step(cluster: KubeCluster, now: number): Promise<boolean>;
  /** wakeAt is when the step next has something due in the cluster (virtual ms), if ever. */
  wakeAt(clusterId: string): number | undefined;
}

/** ClusterLoopExtensions is where other domains register their controllers with the cluster's control loop. */
@Injectable()
export class ClusterLoopExtensions {
  private readonly registered: ClusterLoopStep[] = [];

  /** register adds a step; steps run in registration order after the cluster's own controllers. */
  register(step: ClusterLoopStep): void {
    this.registered.push(step);
  }

  /** steps are the registered steps. */
  get steps(): readonly ClusterLoopStep[] {
    return this.registered;
  }
}
