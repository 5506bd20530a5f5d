import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { emptyStore } from '../../../emulator/kube/index.js';
import { KubeReadModel, type ClusterView } from '../../cluster/index.js';
import { persistentVolumeClaimViews, persistentVolumeViews, storageClassViews } from './storage-views.js';

/** ClusterStorageResolver serves a cluster's StorageClasses, PersistentVolumes and PersistentVolumeClaims. */
@Resolver('Cluster')
export class ClusterStorageResolver {
  constructor(private readonly kube: KubeReadModel) {}

  @ResolveField('storageClasses')
  storageClasses(@Parent() cluster: ClusterView) {
    return storageClassViews(this.store(cluster));
  }

  @ResolveField('persistentVolumes')
  persistentVolumes(@Parent() cluster: ClusterView) {
    return persistentVolumeViews(this.store(cluster));
  }

  @ResolveField('persistentVolumeClaims')
  persistentVolumeClaims(@Parent() cluster: ClusterView, @Args('namespace') namespace: string | null) {
    return persistentVolumeClaimViews(this.store(cluster), namespace);
  }

  /** store is the cluster's objects; the parent was already read for the caller's account. */
  private store(cluster: ClusterView) {
    return this.kube.cluster(cluster.accountId, cluster.id) ?? emptyStore();
  }
}
