import { Module } from '@nestjs/common';
import { ClusterModule } from '../../domains/cluster/index.js';
import { KubeconfigResolver } from './kubeconfig.resolver.js';
import { KubeApiService } from './kube-api.service.js';

/** KubeApiModule serves each cluster's Kubernetes API under `/k8s/<clusterId>` and its kubeconfig in GraphQL. */
@Module({
  imports: [ClusterModule],
  providers: [KubeApiService, KubeconfigResolver],
  exports: [KubeApiService],
})
export class KubeApiModule {}
