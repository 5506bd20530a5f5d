import type { StorageClass } from '../kube/index.js';
import { invalid, key, notSupported, required, type FieldError } from '../kube/validation/field-error.js';
import { CBS_PROVISIONER, DISK_TYPES, diskTypeOf, type DiskType } from './cbs.js';

/** What TKE checks of a StorageClass on top of Kubernetes' own validation: a CBS class names a disk type CBS has. */

const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];
/** CBS_TYPE_VALUES are the `parameters.type` values the qcloud-cbs provisioner takes (the seed's legacy `cbs` among them). */
export const CBS_TYPE_VALUES: readonly string[] = [...DISK_TYPES, 'cbs'];

/** validateCbsStorageClass lists what is wrong with a StorageClass, as Kubernetes field errors; [] when it is fine. */
export function validateCbsStorageClass(storageClass: StorageClass): FieldError[] {
  const errors: FieldError[] = [];
  if (!storageClass.provisioner) errors.push(required('provisioner'));
  if (storageClass.reclaimPolicy !== undefined && !RECLAIM_POLICIES.includes(storageClass.reclaimPolicy)) {
    errors.push(notSupported('reclaimPolicy', storageClass.reclaimPolicy, RECLAIM_POLICIES));
  }
  if (storageClass.volumeBindingMode !== undefined && !BINDING_MODES.includes(storageClass.volumeBindingMode)) {
    errors.push(notSupported('volumeBindingMode', storageClass.volumeBindingMode, BINDING_MODES));
  }
  if (storageClass.provisioner !== CBS_PROVISIONER) return errors;
  const parameters = storageClass.parameters ?? {};
  if (parameters.type !== undefined && diskTypeOf(parameters) === undefined) errors.push(notSupported(key('parameters', 'type'), parameters.type, CBS_TYPE_VALUES));
  if (parameters.zone !== undefined && parameters.zone.trim() === '') errors.push(invalid(key('parameters', 'zone'), parameters.zone, 'must name an availability zone'));
  if (storageClass.allowVolumeExpansion !== undefined && typeof storageClass.allowVolumeExpansion !== 'boolean') {
    errors.push(invalid('allowVolumeExpansion', storageClass.allowVolumeExpansion, 'must be true or false'));
  }
  return errors;
}

/** isCbsClass: the class provisions CBS disks. */
export const isCbsClass = (storageClass: StorageClass | undefined): boolean => storageClass?.provisioner === CBS_PROVISIONER;

/** cbsDiskTypeOf is the disk type a CBS class provisions, undefined when its `parameters.type` is not one CBS has. */
export const cbsDiskTypeOf = (storageClass: StorageClass): DiskType | undefined => diskTypeOf(storageClass.parameters);
