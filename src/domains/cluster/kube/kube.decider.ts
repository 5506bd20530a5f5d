import { getObject, type Pod } from '../../../emulator/kube/index.js';
import { podStageOf, stageGateOpen } from '../../../emulator/kubelet/index.js';
import { exhaustive, notFound } from '../../../platform/kernel/index.js';
import { planApply } from './apply-objects.js';
import { resourceName } from './resources.js';
import type { KubeCluster, KubeCommand, KubeEvent } from './kube.types.js';
import { decideFault } from './faults.js';
import { pendingPod } from './pod-transitions.js';
import { stillCurrent } from './reconcile.js';
import { decideWrite } from './write-object.js';

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
    case 'WriteObject': {
      const { accountId, clusterId, object, mode, at } = command.data;
      return decideWrite(owned(state, accountId, clusterId), object, mode, at);
    }
    case 'DeleteObject': {
      const { accountId, clusterId, kind, namespace, name, at, propagationPolicy } = command.data;
      const object = getObject(owned(state, accountId, clusterId), kind, namespace ?? undefined, name);
      if (!object) throw notFound(resourceName(kind), name, 'name');
      if (object.metadata.deletionTimestamp) return [];
      return [{ type: 'ObjectDeleted', data: { clusterId, kind, namespace, name, uid: object.metadata.uid ?? '', at, ...(propagationPolicy ? { propagationPolicy } : {}) } }];
    }
    case 'SchedulePods': {
      const { clusterId, at, nextStartIndex } = command.data;
      if (!state) return [];
      const outcomes = command.data.outcomes.filter((o) => pendingPod(state, o.namespace, o.name) && (!o.nodeName || getObject(state, 'Node', undefined, o.nodeName)));
      return outcomes.length === 0 ? [] : [{ type: 'PodsScheduled', data: { clusterId, at, outcomes, nextStartIndex } }];
    }
    case 'AdvancePods': {
      const { clusterId, at, stage } = command.data;
      if (!state) return [];
      const pods = command.data.pods.filter((p) => {
        const pod = getObject<Pod>(state, 'Pod', p.namespace, p.name);
        const current = pod && podStageOf(pod);
        return current?.name === stage && stageGateOpen(current, pod!, state);
      });
      return pods.length === 0 ? [] : [{ type: 'PodsAdvanced', data: { clusterId, at, stage, pods } }];
    }
    case 'FailNode':
    case 'RecoverNode':
    case 'CrashContainer':
      return decideFault(command, owned(state, command.data.accountId, command.data.clusterId));
    case 'ReconcileObjects': {
      if (!state) return [];
      const actions = command.data.actions.map((a) => stillCurrent(state, a)).filter((a) => a !== undefined);
      return actions.length === 0 ? [] : [{ type: 'ObjectsReconciled', data: { ...command.data, actions } }];
    }
    case 'UpdateNodeHealth': {
      const { clusterId, at, unreachable, reachable, evict } = command.data;
      if (!state) return [];
      const events: KubeEvent[] = [];
      if (unreachable.length + reachable.length > 0) events.push({ type: 'NodeHealthChanged', data: { clusterId, at, unreachable, reachable } });
      if (evict.length > 0) events.push({ type: 'PodsEvicted', data: { clusterId, at, pods: evict } });
      return events;
    }
    default:
      return exhaustive(command);
  }
}
