import type { Service } from '../../kube/service.js';
import type { KubeEventDraft } from '../world/kube-event.js';
import type { Clb, ClbBackend, ClbListener } from './clb.js';

/** ClbDiff is what the cloud must change to turn the current CLB into the desired one. */
export interface ClbDiff {
  readonly action: 'create' | 'update' | 'delete' | 'none';
  readonly listenersToAdd: readonly ClbListener[];
  readonly listenersToRemove: readonly ClbListener[];
  readonly backendsToAdd: ReadonlyArray<{ readonly listenerPort: number; readonly backend: ClbBackend }>;
  readonly backendsToRemove: ReadonlyArray<{ readonly listenerPort: number; readonly backend: ClbBackend }>;
}

const listenerKey = (l: ClbListener): string => `${l.protocol}:${l.port}:${l.nodePort}`;
const backendKey = (b: ClbBackend): string => `${b.nodeName}/${b.ip}:${b.port}`;

/** diffClb compares a CLB with what it should be: listeners that appear or go, and backends that follow nodes joining and leaving. */
export function diffClb(current: Clb | undefined, desired: Clb | undefined): ClbDiff {
  const none = { listenersToAdd: [], listenersToRemove: [], backendsToAdd: [], backendsToRemove: [] };
  if (!current && !desired) return { action: 'none', ...none };
  if (!current) return { ...none, action: 'create', listenersToAdd: desired!.listeners };
  if (!desired) return { ...none, action: 'delete', listenersToRemove: current.listeners };
  const before = new Map(current.listeners.map((l) => [listenerKey(l), l]));
  const after = new Map(desired.listeners.map((l) => [listenerKey(l), l]));
  const listenersToAdd = desired.listeners.filter((l) => !before.has(listenerKey(l)));
  const listenersToRemove = current.listeners.filter((l) => !after.has(listenerKey(l)));
  const backendsToAdd: Array<{ listenerPort: number; backend: ClbBackend }> = [];
  const backendsToRemove: Array<{ listenerPort: number; backend: ClbBackend }> = [];
  for (const [key, wanted] of after) {
    const had = before.get(key);
    if (!had) continue;
    const hadKeys = new Set(had.backends.map(backendKey));
    const wantKeys = new Set(wanted.backends.map(backendKey));
    for (const backend of wanted.backends) if (!hadKeys.has(backendKey(backend))) backendsToAdd.push({ listenerPort: wanted.port, backend });
    for (const backend of had.backends) if (!wantKeys.has(backendKey(backend))) backendsToRemove.push({ listenerPort: had.port, backend });
  }
  const changed = listenersToAdd.length + listenersToRemove.length + backendsToAdd.length + backendsToRemove.length > 0;
  return { action: changed ? 'update' : 'none', listenersToAdd, listenersToRemove, backendsToAdd, backendsToRemove };
}

/** wantsLoadBalancer: the service controller keeps a CLB only for an existing Service of type LoadBalancer. */
export function wantsLoadBalancer(service: Service | undefined): boolean {
  return service !== undefined && service.spec.type === 'LoadBalancer' && service.metadata.deletionTimestamp === undefined;
}

/** loadBalancerEvents are the service controller's Events for a change, worded as Kubernetes words them. */
export function loadBalancerEvents(diff: ClbDiff, service: { namespace: string; name: string }): KubeEventDraft[] {
  const event = (reason: string, message: string): KubeEventDraft => ({ type: 'Normal', reason, message, involvedObject: { kind: 'Service', ...service } });
  switch (diff.action) {
    case 'create':
      return [event('EnsuringLoadBalancer', 'Ensuring load balancer'), event('EnsuredLoadBalancer', 'Ensured load balancer')];
    case 'update':
      if (diff.listenersToAdd.length + diff.listenersToRemove.length === 0) return [event('UpdatedLoadBalancer', 'Updated load balancer with new hosts')];
      return [event('EnsuringLoadBalancer', 'Ensuring load balancer'), event('EnsuredLoadBalancer', 'Ensured load balancer')];
    case 'delete':
      return [event('DeletingLoadBalancer', 'Deleting load balancer'), event('DeletedLoadBalancer', 'Deleted load balancer')];
    case 'none':
      return [];
  }
}
