import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { InvolvedObjectInput } from '../../../generated/graphql.js';
import { ClockService } from '../../../platform/clock/clock.service.js';
import { KubeReadModel } from '../kube/kube.read-model.js';
import type { KubeCluster } from '../kube/kube.types.js';
import type { ClusterView } from '../projections/clusters.projection.js';
import { withKubeNodeStatus } from './node-status.js';

/** ClusterObjectsResolver serves what runs inside a cluster: namespaces, pods, workloads, services, events. */
@Resolver('Cluster')
export class ClusterObjectsResolver {
  constructor(
    private readonly kube: KubeReadModel,
    private readonly clocks: ClockService,
  ) {}

  @ResolveField('nodes')
  nodes(@Parent() cluster: ClusterView) {
    return withKubeNodeStatus(cluster.nodes, this.kube.cluster(cluster.accountId, cluster.id), this.clocks.now(cluster.accountId));
  }

  @ResolveField('namespaces')
  namespaces(@Parent() cluster: ClusterView) {
    return this.kube.namespaces(this.store(cluster));
  }

  @ResolveField('pods')
  pods(@Parent() cluster: ClusterView, @Args('namespace') namespace: string | null) {
    return this.kube.pods(this.store(cluster), namespace);
  }

  @ResolveField('pod')
  pod(@Parent() cluster: ClusterView, @Args('namespace') namespace: string, @Args('name') name: string) {
    return this.kube.pod(this.store(cluster), namespace, name);
  }

  @ResolveField('workloads')
  workloads(@Parent() cluster: ClusterView, @Args('namespace') namespace: string | null) {
    return this.kube.workloads(this.store(cluster), namespace);
  }

  @ResolveField('services')
  services(@Parent() cluster: ClusterView, @Args('namespace') namespace: string | null) {
    return this.kube.services(this.store(cluster), namespace);
  }

  @ResolveField('events')
  events(@Parent() cluster: ClusterView, @Args('namespace') namespace: string | null, @Args('involvedObject') involved: InvolvedObjectInput | null) {
    return this.kube.events(this.store(cluster), namespace, involved);
  }

  /** store is the cluster's objects; the parent was already read for the caller's account. */
  private store(cluster: ClusterView): KubeCluster {
    return this.kube.cluster(cluster.accountId, cluster.id)!;
  }
}
