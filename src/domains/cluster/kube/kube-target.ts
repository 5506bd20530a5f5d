import { viewTarget, type DecisionTarget } from '../../../platform/commands/command-pipeline.js';
import { decideKube } from './kube.decider.js';
import { kubeStream, type KubeCluster, type ObjectAction } from './kube.types.js';

/** reconcileObjectsTarget is a controller's change to a cluster's live objects (statuses, Events), for a command that also writes elsewhere. */
export function reconcileObjectsTarget(live: KubeCluster, controller: string, actions: ObjectAction[], at: string): DecisionTarget {
  const command = { type: 'ReconcileObjects' as const, data: { clusterId: live.clusterId, at, controller, actions } };
  return viewTarget(decideKube, kubeStream(live.clusterId), command, { state: live, version: live.streamVersion });
}
