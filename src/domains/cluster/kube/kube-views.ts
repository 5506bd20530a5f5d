import type { KubeObject, Pod } from '../../../emulator/kube/index.js';
import type { KubeEventObject } from './kube-events.js';
import type { SchedulingRecord } from './kube.types.js';

/** WORKLOAD_KINDS are the controllers of pods, in the order `kubectl get all` lists them. */
export const WORKLOAD_KINDS = ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet'];

/** podStatusText is the STATUS column of `kubectl get pods`. */
export function podStatusText(pod: Pod): string {
  let reason = pod.status?.reason ?? pod.status?.phase ?? 'Pending';
  for (const s of [...(pod.status?.containerStatuses ?? [])].reverse()) {
    if (s.state.waiting?.reason) reason = s.state.waiting.reason;
    else if (s.state.terminated?.reason) reason = s.state.terminated.reason;
  }
  if (pod.metadata.deletionTimestamp) return pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

/** podView is a pod as the GraphQL schema shows it. */
export function podView(pod: Pod, scheduling: SchedulingRecord | undefined) {
  return {
    name: pod.metadata.name,
    namespace: pod.metadata.namespace,
    phase: pod.status?.phase ?? 'Pending',
    status: podStatusText(pod),
    nodeName: pod.spec.nodeName ?? null,
    podIp: pod.status?.podIP ?? null,
    hostIp: pod.status?.hostIP ?? null,
    labels: pod.metadata.labels ?? {},
    conditions: pod.status?.conditions ?? [],
    containers: pod.spec.containers.map((c) => {
      const s = pod.status?.containerStatuses?.find((cs) => cs.name === c.name);
      const state = s?.state.running ? 'running' : s?.state.terminated ? 'terminated' : 'waiting';
      const reason = s?.state.waiting?.reason ?? s?.state.terminated?.reason ?? null;
      return { name: c.name, image: s?.image ?? c.image, ready: s?.ready ?? false, restartCount: s?.restartCount ?? 0, state, reason, containerId: s?.containerID ?? null };
    }),
    scheduling: scheduling ?? null,
    manifest: pod,
  };
}

/** workloadView shows a controller's desired and ready replicas. */
export function workloadView(object: KubeObject) {
  const spec = (object.spec ?? {}) as { replicas?: number };
  const status = (object.status ?? {}) as { readyReplicas?: number; desiredNumberScheduled?: number; numberReady?: number };
  const daemon = object.kind === 'DaemonSet';
  return {
    kind: object.kind,
    name: object.metadata.name,
    namespace: object.metadata.namespace,
    replicas: daemon ? (status.desiredNumberScheduled ?? 0) : (spec.replicas ?? 1),
    readyReplicas: daemon ? (status.numberReady ?? 0) : (status.readyReplicas ?? 0),
    manifest: object,
  };
}

/** serviceView shows a Service's type, cluster IP and ports. */
export function serviceView(object: KubeObject) {
  const spec = (object.spec ?? {}) as { type?: string; clusterIP?: string; ports?: Array<{ name?: string; protocol?: string; port: number; targetPort?: number | string; nodePort?: number }> };
  return {
    name: object.metadata.name,
    namespace: object.metadata.namespace,
    type: spec.type ?? 'ClusterIP',
    clusterIp: spec.clusterIP ?? null,
    ports: (spec.ports ?? []).map((p) => ({ name: p.name ?? null, protocol: p.protocol ?? 'TCP', port: p.port, targetPort: p.targetPort === undefined ? null : String(p.targetPort), nodePort: p.nodePort ?? null })),
    manifest: object,
  };
}

/** eventView shows a Kubernetes Event. */
export function eventView(event: KubeEventObject) {
  const { kind, namespace, name, fieldPath } = event.involvedObject;
  return {
    type: event.type,
    reason: event.reason,
    message: event.message,
    count: event.count,
    firstTimestamp: event.firstTimestamp,
    lastTimestamp: event.lastTimestamp,
    involvedObject: { kind, namespace: namespace ?? null, name, fieldPath: fieldPath ?? null },
    source: event.source.host ? `${event.source.component}, ${event.source.host}` : event.source.component,
  };
}
