import { listObjects, type Ingress, type KubeObject, type Service } from '../../../emulator/kube/index.js';
import { desiredApplicationClb, desiredClb, diffClb, loadBalancerEvents, wantsLoadBalancer, type Clb, type KubeEventDraft, type NetworkNode } from '../../../emulator/network/index.js';
import type { KubeCluster, ObjectAction } from '../../cluster/index.js';
import type { LoadBalancerKind, LoadBalancerRecord, LoadBalancerSpec, NetworkState } from '../model/network.types.js';

/** LOAD_BALANCER_PROVISIONING_MS is how long the cloud takes to create a CLB (virtual time). */
export const LOAD_BALANCER_PROVISIONING_MS = 5_000;

/** Identity is a new CLB's id and VIP, drawn when the command runs. */
export type Identity = { id: string; vip: string };

/** LoadBalancerChange is one thing the service and ingress controllers ask of the cloud, with what to write back to Kubernetes. */
export type LoadBalancerChange =
  | { type: 'provision'; kind: LoadBalancerKind; namespace: string; name: string; specFor: (identity: Identity) => LoadBalancerSpec; actions: ObjectAction[] }
  | { type: 'ensure' | 'delete'; id: string; actions: ObjectAction[] }
  | { type: 'update'; id: string; spec: LoadBalancerSpec; actions: ObjectAction[] };

const SOURCE: Record<LoadBalancerKind, { component: string }> = { Service: { component: 'service-controller' }, Ingress: { component: 'l7-lb-controller' } };
const keyOf = (kind: string, namespace: string, name: string): string => `${kind}/${namespace}/${name}`;

function event(kind: LoadBalancerKind, namespace: string, name: string, reason: string, message: string): ObjectAction {
  return { type: 'event', involved: { kind, namespace, name }, note: { type: 'Normal', reason, message }, source: SOURCE[kind] };
}

const fromDraft = (kind: LoadBalancerKind, draft: KubeEventDraft): ObjectAction => ({
  type: 'event',
  involved: { kind, namespace: draft.involvedObject.namespace, name: draft.involvedObject.name },
  note: { type: draft.type, reason: draft.reason, message: draft.message },
  source: SOURCE[kind],
});

function lbStatus(object: KubeObject, ingress: Array<{ ip: string }> | undefined): ObjectAction {
  const status = { ...((object.status ?? {}) as object), loadBalancer: ingress ? { ingress } : {} };
  return { type: 'status', kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name ?? '', status };
}

/** desiredSpec is what a Service or Ingress wants of its CLB; undefined when it wants none (or the cloud would refuse it). */
function desiredSpec(object: KubeObject, nodes: readonly NetworkNode[], identity: Identity): LoadBalancerSpec | undefined {
  try {
    if (object.kind === 'Service') return wantsLoadBalancer(object as unknown as Service) ? { clb: desiredClb(object as unknown as Service, nodes, identity) } : undefined;
    return object.metadata.deletionTimestamp ? undefined : { application: desiredApplicationClb(object as unknown as Ingress, identity) };
  } catch {
    return undefined;
  }
}

function updateEvents(record: LoadBalancerRecord, spec: LoadBalancerSpec): ObjectAction[] {
  if (record.status !== 'Active') return [];
  if ('clb' in spec && 'clb' in record.spec) {
    const drafts = loadBalancerEvents(diffClb(record.spec.clb as Clb, spec.clb), { namespace: record.namespace, name: record.name });
    return drafts.length > 0 ? drafts.map((d) => fromDraft('Service', d)) : [event('Service', record.namespace, record.name, 'UpdatedLoadBalancer', 'Updated load balancer with new hosts')];
  }
  return [event(record.kind, record.namespace, record.name, 'UpdatedLoadBalancer', 'Updated load balancer with new rules')];
}

/** planLoadBalancers compares every LoadBalancer Service and Ingress with the cluster's CLBs: create what is missing, ensure what is ready, follow nodes, delete what is no longer wanted. */
export function planLoadBalancers(network: NetworkState, nodes: readonly NetworkNode[], kube: KubeCluster, now: string): LoadBalancerChange[] {
  const objects = new Map<string, KubeObject>();
  for (const kind of ['Service', 'Ingress'] as const) for (const o of listObjects(kube, kind)) objects.set(keyOf(kind, o.metadata.namespace ?? 'default', o.metadata.name ?? ''), o);
  const changes: LoadBalancerChange[] = [];
  const covered = new Set<string>();
  for (const record of Object.values(network.loadBalancers)) {
    const key = keyOf(record.kind, record.namespace, record.name);
    const object = objects.get(key);
    const spec = object && desiredSpec(object, nodes, record);
    if (!object || !spec) {
      const events = [event(record.kind, record.namespace, record.name, 'DeletingLoadBalancer', 'Deleting load balancer'), event(record.kind, record.namespace, record.name, 'DeletedLoadBalancer', 'Deleted load balancer')];
      changes.push({ type: 'delete', id: record.id, actions: object ? [...events, lbStatus(object, undefined)] : events });
      continue;
    }
    covered.add(key);
    if (JSON.stringify(spec) !== JSON.stringify(record.spec)) changes.push({ type: 'update', id: record.id, spec, actions: updateEvents(record, spec) });
    else if (record.status === 'Provisioning' && record.readyAt <= now) {
      const ensured = event(record.kind, record.namespace, record.name, 'EnsuredLoadBalancer', 'Ensured load balancer');
      changes.push({ type: 'ensure', id: record.id, actions: [lbStatus(object, [{ ip: record.vip }]), ensured] });
    }
  }
  for (const [key, object] of objects) {
    if (covered.has(key) || !desiredSpec(object, nodes, { id: '', vip: '' })) continue;
    const kind = object.kind as LoadBalancerKind;
    const namespace = object.metadata.namespace ?? 'default';
    const name = object.metadata.name ?? '';
    changes.push({ type: 'provision', kind, namespace, name, specFor: (identity) => desiredSpec(object, nodes, identity)!, actions: [event(kind, namespace, name, 'EnsuringLoadBalancer', 'Ensuring load balancer')] });
  }
  return changes;
}

/** nextReadyAt is when the next CLB still provisioning becomes ready (virtual ms). */
export function nextReadyAt(network: NetworkState | undefined): number | undefined {
  const due = Object.values(network?.loadBalancers ?? {}).filter((lb) => lb.status === 'Provisioning').map((lb) => Date.parse(lb.readyAt));
  return due.length === 0 ? undefined : Math.min(...due);
}
