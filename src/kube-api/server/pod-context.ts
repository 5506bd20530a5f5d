/** What a pod's container looks like from inside, for exec: its env, hostname, IP and mounts. */
import { getObject, parseQuantity, type KubeObject, type ObjectStore, type Pod } from '../../emulator/kube/index.js';
import type { ContainerContext, Mount } from '../exec/container.js';

type Volume = { name: string; persistentVolumeClaim?: { claimName: string }; qcloudCbs?: { cbsDiskId: string; fsType?: string }; emptyDir?: { sizeLimit?: string }; configMap?: unknown; secret?: unknown };
type Container = Pod['spec']['containers'][number];
type EnvSource = { fieldRef?: { fieldPath: string } } | undefined;
type Mounted = { volumeMounts?: Array<{ name: string; mountPath: string }> };

const GIB = 2 ** 30;

function fieldRef(pod: Pod, path: string): string {
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'spec.nodeName': pod.spec.nodeName,
    'status.podIP': pod.status?.podIP,
    'status.hostIP': pod.status?.hostIP,
  };
  return values[path] ?? '';
}

function claimSize(store: ObjectStore, namespace: string | undefined, claim: string): number {
  const pvc = getObject(store, 'PersistentVolumeClaim', namespace, claim) as (KubeObject & { spec?: { resources?: { requests?: { storage?: string } } }; status?: { capacity?: { storage?: string } } }) | undefined;
  const size = pvc?.status?.capacity?.storage ?? pvc?.spec?.resources?.requests?.storage;
  return parseQuantity(size) ?? 10 * GIB;
}

function mountOf(store: ObjectStore, pod: Pod, volume: Volume | undefined, path: string, index: number): Mount {
  const device = `/dev/vd${String.fromCharCode(98 + index)}`;
  if (volume?.qcloudCbs) return { path, device, sizeBytes: 10 * GIB, usedBytes: 0.1 * GIB, fsType: volume.qcloudCbs.fsType ?? 'ext4' };
  if (volume?.persistentVolumeClaim) {
    return { path, device, sizeBytes: claimSize(store, pod.metadata.namespace, volume.persistentVolumeClaim.claimName), usedBytes: 0.1 * GIB, fsType: 'ext4' };
  }
  return { path, device: 'tmpfs', sizeBytes: 2 * GIB, usedBytes: 0, fsType: 'tmpfs' };
}

/** containerContext builds the shell's view of one container of a pod. */
export function containerContext(store: ObjectStore, pod: Pod, container: Container): ContainerContext {
  const env: Record<string, string> = { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443', KUBERNETES_PORT: 'tcp://10.96.0.1:443' };
  const service = getObject(store, 'Service', 'default', 'kubernetes') as (KubeObject & { spec?: { clusterIP?: string } }) | undefined;
  if (service?.spec?.clusterIP) {
    env.KUBERNETES_SERVICE_HOST = service.spec.clusterIP;
    env.KUBERNETES_PORT = `tcp://${service.spec.clusterIP}:443`;
  }
  for (const e of container.env ?? []) {
    const from = e.valueFrom as EnvSource;
    env[e.name] = e.value ?? (from?.fieldRef ? fieldRef(pod, from.fieldRef.fieldPath) : '');
  }
  const volumes = ((pod.spec as { volumes?: Volume[] }).volumes ?? []);
  const mounts = ((container as Mounted).volumeMounts ?? []).map((m, i) => mountOf(store, pod, volumes.find((v) => v.name === m.name), m.mountPath, i));
  const hostname = (pod.spec as { hostname?: string }).hostname ?? pod.metadata.name ?? '';
  return { env, hostname, podIp: pod.status?.podIP ?? '', mounts, namespace: pod.metadata.namespace, podCidrPrefix: 24 };
}
