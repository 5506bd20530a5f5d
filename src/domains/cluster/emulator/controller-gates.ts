import type { ObjectStore } from '../../../emulator/kube/index.js';
import type { StoredEvent } from '../../../platform/kernel/index.js';

/** KINDS_WATCHED: a controller has nothing to do in a cluster without any of these kinds. */
const KINDS_WATCHED: Record<string, readonly string[]> = {
  deployment: ['Deployment'],
  replicaset: ['ReplicaSet'],
  replicationcontroller: ['ReplicationController'],
  statefulset: ['StatefulSet'],
  daemonset: ['DaemonSet'],
  endpoints: ['Service', 'Endpoints'],
};

const hasAny = (store: ObjectStore, kinds: readonly string[]): boolean =>
  kinds.some((kind) => Object.keys(store.objects[kind] ?? {}).length > 0);

/** ControllerGates skips controllers that cannot act: no objects of their kinds, or (the garbage collector) nothing deleted since its last pass. */
export class ControllerGates {
  private readonly deletions = new Set<string>();

  /** observe notes deletions, after which the garbage collector has work. */
  observe(clusterId: string, event: StoredEvent): void {
    const data = event.data as { stage?: string; actions?: Array<{ type: string }> };
    const deleted =
      event.type === 'ObjectDeleted' ||
      event.type === 'NodeRemoved' ||
      (event.type === 'PodsAdvanced' && data.stage === 'pod-stop') ||
      (event.type === 'ObjectsReconciled' && (data.actions ?? []).some((a) => a.type === 'delete'));
    if (deleted) this.deletions.add(clusterId);
  }

  /** wake makes every gate open once, e.g. at start-up. */
  wake(clusterId: string): void {
    this.deletions.add(clusterId);
  }

  open(controller: string, clusterId: string, store: ObjectStore): boolean {
    if (controller === 'garbage-collector') return this.deletions.has(clusterId);
    const kinds = KINDS_WATCHED[controller];
    return kinds === undefined || hasAny(store, kinds);
  }

  /** ran closes the garbage collector's gate after a pass that found nothing left to do. */
  ran(controller: string, clusterId: string, acted: boolean): void {
    if (controller === 'garbage-collector' && !acted) this.deletions.delete(clusterId);
  }
}
