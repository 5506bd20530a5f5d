import type { Pod } from '../../kube/pod.js';
import type { NetworkPod } from './network-world.js';

/** networkPodFromKube reads what the network needs of a core/v1 Pod: namespace, name, IP, node, labels and the Ready condition. */
export function networkPodFromKube(pod: Pod): NetworkPod {
  const ip = pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  return {
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name ?? '',
    ...(ip ? { ip } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(pod.metadata.labels ? { labels: pod.metadata.labels } : {}),
    ready,
  };
}

/** podIpsInUse lists the pod IPs held on a node, for the pod IP allocator (terminal pods have given theirs back). */
export function podIpsInUse(pods: readonly Pod[], nodeName: string): string[] {
  return pods
    .filter((p) => p.spec.nodeName === nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .map((p) => p.status?.podIP)
    .filter((ip): ip is string => ip !== undefined);
}
