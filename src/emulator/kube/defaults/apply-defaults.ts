import type { Json } from '../validation/checker.js';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultReplicationController, defaultStatefulSet } from './apps.js';
import {
  defaultEndpoints,
  defaultNamespace,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultSecret,
  defaultService,
  defaultStorageClass,
} from './core.js';
import { defaultPod } from './pod.js';

/** DEFAULTERS maps each kind to the API server's defaulting for its current version (kinds without defaults are absent). */
const DEFAULTERS: Readonly<Record<string, (obj: Json) => void>> = {
  Pod: defaultPod,
  Namespace: defaultNamespace,
  ReplicationController: defaultReplicationController,
  ReplicaSet: defaultReplicaSet,
  Deployment: defaultDeployment,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Service: defaultService,
  Endpoints: defaultEndpoints,
  Secret: defaultSecret,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  PersistentVolume: defaultPersistentVolume,
  StorageClass: defaultStorageClass,
};

/** applyDefaults fills unset fields of a current-version object in place, as the API server does before validating. */
export function applyDefaults(obj: Json): void {
  DEFAULTERS[String(obj.kind)]?.(obj);
}
