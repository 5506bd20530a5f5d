import { Injectable } from '@nestjs/common';
import { getObject, listObjects, objectKey, type Pod } from '../../../emulator/kube/index.js';
import { notFound } from '../../../platform/kernel/index.js';
import { ProjectionService } from '../../../platform/projections/index.js';
import type { KubeEventObject } from './kube-events.js';
import type { KubeObjectsState } from './kube-objects.projection.js';
import type { KubeCluster } from './kube.types.js';
import { eventView, podView, serviceView, WORKLOAD_KINDS, workloadView } from './kube-views.js';

/** KubeReadModel answers queries about the objects inside one account's clusters. */
@Injectable()
export class KubeReadModel {
  constructor(private readonly projections: ProjectionService) {}

  /** cluster returns the cluster's object store, or undefined for another account's or a missing one. */
  cluster(accountId: string, clusterId: string): KubeCluster | undefined {
    const cluster = this.projections.state<KubeObjectsState>('kubeObjects').clusters[clusterId];
    return cluster?.accountId === accountId ? cluster : undefined;
  }

  namespaces(cluster: KubeCluster) {
    return listObjects(cluster, 'Namespace').map((n) => ({ name: n.metadata.name, phase: (n.status as { phase?: string })?.phase ?? 'Active', manifest: n }));
  }

  pods(cluster: KubeCluster, namespace?: string | null) {
    return listObjects<Pod>(cluster, 'Pod', namespace ?? undefined).map((p) => podView(p, cluster.scheduling[objectKey(p.metadata.namespace, p.metadata.name!)]));
  }

  pod(cluster: KubeCluster, namespace: string, name: string) {
    const pod = getObject<Pod>(cluster, 'Pod', namespace, name);
    if (!pod) throw notFound('pods', name, 'name');
    return podView(pod, cluster.scheduling[objectKey(namespace, name)]);
  }

  workloads(cluster: KubeCluster, namespace?: string | null) {
    return WORKLOAD_KINDS.flatMap((kind) => listObjects(cluster, kind, namespace ?? undefined)).map(workloadView);
  }

  services(cluster: KubeCluster, namespace?: string | null) {
    return listObjects(cluster, 'Service', namespace ?? undefined).map(serviceView);
  }

  events(cluster: KubeCluster, namespace?: string | null, involved?: { kind?: string | null; namespace?: string | null; name?: string | null } | null) {
    return listObjects<KubeEventObject>(cluster, 'Event', namespace ?? undefined)
      .filter((e) => !involved?.kind || e.involvedObject.kind === involved.kind)
      .filter((e) => !involved?.name || e.involvedObject.name === involved.name)
      .filter((e) => !involved?.namespace || e.involvedObject.namespace === involved.namespace)
      .map(eventView);
  }
}
