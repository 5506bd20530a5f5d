import { getObject } from '../../../emulator/kube/index.js';
import { exhaustive, notFound } from '../../../platform/kernel/index.js';
import { planApply, resourceName } from './apply-objects.js';
import type { KubeCluster, KubeCommand, KubeEvent } from './kube.types.js';

/** owned returns the cluster if the caller's account owns it; anything else is NOT_FOUND, as for an absent cluster. */
function owned(cluster: KubeCluster | undefined, accountId: string, clusterId: string): KubeCluster {
  if (!cluster || cluster.accountId !== accountId) throw notFound('clusters', clusterId, 'clusterId');
  return cluster;
}

/** decideKube decides commands on a cluster's objects against its live object store. */
export function decideKube(command: KubeCommand, state: KubeCluster | undefined): KubeEvent[] {
  switch (command.type) {
    case 'ApplyObjects': {
      const { accountId, clusterId, objects, at } = command.data;
      return planApply(owned(state, accountId, clusterId), objects, at).events;
    }
    case 'DeleteObject': {
      const { accountId, clusterId, kind, namespace, name, at } = command.data;
      const object = getObject(owned(state, accountId, clusterId), kind, namespace ?? undefined, name);
      if (!object) throw notFound(resourceName(kind), name, 'name');
      return [{ type: 'ObjectDeleted', data: { clusterId, kind, namespace, name, uid: object.metadata.uid ?? '', at } }];
    }
    default:
      return exhaustive(command);
  }
}
