import { LABEL_METADATA_NAME } from '../cluster-objects.js';
import { isRecord, type Json } from '../validation/checker.js';
import { records, setDefault } from './pod.js';
import { specOf } from './apps.js';

/** Defaulting of services, config, storage and namespaces, as core/v1 and storage/v1 defaults.go apply it. */

/** defaultService is SetDefaults_Service: ClusterIP, no affinity, TCP ports targeting themselves, Cluster traffic policies. */
export function defaultService(obj: Json): void {
  const spec = specOf(obj);
  if (!spec) return;
  const affinity = setDefault(spec, 'sessionAffinity', 'None');
  if (affinity === 'None') delete spec.sessionAffinityConfig;
  if (affinity === 'ClientIP') {
    const config = spec.sessionAffinityConfig;
    const clientIP = isRecord(config) ? config.clientIP : undefined;
    if (!isRecord(clientIP) || clientIP.timeoutSeconds === undefined) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  const type = setDefault(spec, 'type', 'ClusterIP');
  for (const port of records(spec, 'ports')) {
    setDefault(port, 'protocol', 'TCP');
    if (port.targetPort === 0) delete port.targetPort;
    setDefault(port, 'targetPort', typeof port.port === 'number' ? port.port : 0);
  }
  if (type === 'NodePort' || type === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
}

/** defaultEndpoints is SetDefaults_Endpoints: ports are TCP. */
export function defaultEndpoints(obj: Json): void {
  for (const subset of records(obj, 'subsets')) for (const port of records(subset, 'ports')) setDefault(port, 'protocol', 'TCP');
}

/** defaultSecret is SetDefaults_Secret (type Opaque) after the v1 conversion, which folds `stringData` into base64 `data`. */
export function defaultSecret(obj: Json): void {
  setDefault(obj, 'type', 'Opaque');
  if (!isRecord(obj.stringData)) return;
  const data = (isRecord(obj.data) ? obj.data : (obj.data = {})) as Json;
  for (const [k, v] of Object.entries(obj.stringData)) {
    if (typeof v === 'string') data[k] = Buffer.from(v, 'utf8').toString('base64');
  }
  delete obj.stringData;
}

/** defaultPersistentVolumeClaim is SetDefaults_PersistentVolumeClaimSpec: Filesystem volumes. */
export function defaultPersistentVolumeClaim(obj: Json): void {
  const spec = specOf(obj);
  if (spec) setDefault(spec, 'volumeMode', 'Filesystem');
}

/** defaultPersistentVolume is SetDefaults_PersistentVolume: Retain, Filesystem. */
export function defaultPersistentVolume(obj: Json): void {
  const spec = specOf(obj);
  if (!spec) return;
  setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setDefault(spec, 'volumeMode', 'Filesystem');
}

/** defaultStorageClass is storage/v1 SetDefaults_StorageClass: Delete, Immediate. */
export function defaultStorageClass(obj: Json): void {
  setDefault(obj, 'reclaimPolicy', 'Delete');
  setDefault(obj, 'volumeBindingMode', 'Immediate');
}

/** defaultNamespace is SetDefaults_Namespace: the `kubernetes.io/metadata.name` label. */
export function defaultNamespace(obj: Json): void {
  const meta = obj.metadata;
  if (!isRecord(meta) || typeof meta.name !== 'string' || meta.name === '') return;
  const labels = setDefault(meta, 'labels', {});
  if (isRecord(labels)) labels[LABEL_METADATA_NAME] = meta.name;
}
