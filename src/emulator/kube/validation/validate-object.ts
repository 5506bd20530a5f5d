import { Checker, type Json } from './checker.js';
import { invalid, type FieldError } from './field-error.js';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateReplicationController } from './apps.js';
import { validateEvent, validateLease, validateNamespace } from './cluster-objects.js';
import { validateConfigMap, validateSecret } from './config.js';
import { validateIngress } from './ingress.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta } from './object-meta.js';
import { validatePodSpec } from './pod-spec.js';
import { validateEndpoints, validateService } from './service.js';
import { validateStatefulSet } from './statefulset.js';
import { validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass } from './storage.js';

/** ObjectValidator checks one kind's object, adding every problem it finds. */
export type ObjectValidator = (c: Checker, obj: Json) => void;

/** validatePod is ValidatePodCreate: metadata, spec, and images without surrounding spaces. */
function validatePod(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  const spec = c.rec(obj, 'spec', '');
  validatePodSpec(c, spec, 'spec');
  for (const list of ['containers', 'initContainers']) {
    const containers = Array.isArray(spec?.[list]) ? (spec[list] as Json[]) : [];
    containers.forEach((ctr, i) => {
      if (typeof ctr?.image === 'string' && ctr.image !== ctr.image.trim()) {
        c.add(invalid(`spec.${list}[${i}].image`, ctr.image, 'must not have leading or trailing whitespace'));
      }
    });
  }
}

/** VALIDATORS maps each kind tkesim knows to its validator. */
export const VALIDATORS: Readonly<Record<string, ObjectValidator>> = {
  Pod: validatePod,
  Namespace: validateNamespace,
  ReplicationController: validateReplicationController,
  ReplicaSet: validateReplicaSet,
  Deployment: validateDeployment,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  Service: validateService,
  Endpoints: validateEndpoints,
  ConfigMap: validateConfigMap,
  Secret: validateSecret,
  Event: validateEvent,
  StorageClass: validateStorageClass,
  PersistentVolumeClaim: validatePersistentVolumeClaim,
  PersistentVolume: validatePersistentVolume,
  Ingress: validateIngress,
  Lease: validateLease,
};

/** validateObject checks a defaulted object of a known kind and returns every field error, in Kubernetes' order. */
export function validateObject(obj: Json): FieldError[] {
  const c = new Checker();
  const validator = VALIDATORS[String(obj.kind)];
  if (validator) validator(c, obj);
  return c.errors;
}
