import type { KubeObject, Node } from '../../../emulator/kube/index.js';
import type { KubeCluster } from './kube.types.js';

/** HEARTBEAT_MS is how often a kubelet posts node status and renews its lease (nodeStatusUpdateFrequency, 10 s). */
export const HEARTBEAT_MS = 10_000;

/** lastHeartbeat is when a kubelet last reported: every 10 s since the node joined, until it failed. */
export function lastHeartbeat(createdAt: string, now: number, failedAt?: string): string {
  const start = Date.parse(createdAt);
  const until = failedAt === undefined ? now : Math.min(now, Date.parse(failedAt));
  return new Date(start + Math.max(0, Math.floor((until - start) / HEARTBEAT_MS)) * HEARTBEAT_MS).toISOString();
}

/**
 * withHeartbeats shows a Node or a node Lease as of now: heartbeats are derived from the clock rather than
 * logged (5,000 nodes would write 500 events a second), so the log holds only joins, failures and recoveries.
 */
export function withHeartbeats<T extends KubeObject>(cluster: KubeCluster, object: T, now: number): T {
  if (object.kind !== 'Node' && !(object.kind === 'Lease' && object.metadata.namespace === 'kube-node-lease')) return object;
  const name = object.metadata.name ?? '';
  const beat = lastHeartbeat(object.metadata.creationTimestamp ?? new Date(now).toISOString(), now, cluster.nodeFailures[name]);
  if (object.kind === 'Lease') return { ...object, spec: { ...(object.spec as object), renewTime: beat } };
  const node = object as unknown as Node;
  const healthy = cluster.nodeFailures[name] === undefined;
  const conditions = node.status.conditions?.map((c) => (healthy || c.status === 'Unknown' ? { ...c, lastHeartbeatTime: healthy ? beat : c.lastHeartbeatTime } : c));
  return { ...object, status: { ...node.status, conditions } } as unknown as T;
}
