import {
  ANNOTATION_BETA_DEFAULT_STORAGE_CLASS,
  ANNOTATION_BETA_STORAGE_CLASS,
  ANNOTATION_DEFAULT_STORAGE_CLASS,
  listObjects,
  type ObjectStore,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
} from '../kube/index.js';

/** Which StorageClass a claim or a volume belongs to, and which class is the default (volume/util and the DefaultStorageClass admission plugin). */

/** isDefaultClass: the GA or the beta default-class annotation says "true". */
export function isDefaultClass(storageClass: StorageClass): boolean {
  const annotations = storageClass.metadata.annotations ?? {};
  return annotations[ANNOTATION_DEFAULT_STORAGE_CLASS] === 'true' || annotations[ANNOTATION_BETA_DEFAULT_STORAGE_CLASS] === 'true';
}

/** defaultStorageClass is GetDefaultClass: of the classes marked default, the newest, then the first by name. */
export function defaultStorageClass(classes: readonly StorageClass[]): StorageClass | undefined {
  const defaults = classes.filter(isDefaultClass);
  defaults.sort((a, b) => {
    const [ta, tb] = [a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? ''];
    if (ta !== tb) return ta < tb ? 1 : -1;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return defaults[0];
}

/** defaultStorageClassIn reads the default class from a cluster's objects. */
export const defaultStorageClassIn = (store: ObjectStore): StorageClass | undefined => defaultStorageClass(listObjects<StorageClass>(store, 'StorageClass'));

/** claimClassName is GetPersistentVolumeClaimClass: the beta annotation, else spec.storageClassName; undefined when neither is set ("" asks for no class). */
export function claimClassName(claim: PersistentVolumeClaim): string | undefined {
  const annotated = claim.metadata.annotations?.[ANNOTATION_BETA_STORAGE_CLASS];
  return annotated ?? claim.spec.storageClassName;
}

/** volumeClassName is GetPersistentVolumeClass: the beta annotation, else spec.storageClassName, else "". */
export function volumeClassName(volume: PersistentVolume): string {
  return volume.metadata.annotations?.[ANNOTATION_BETA_STORAGE_CLASS] ?? volume.spec.storageClassName ?? '';
}

/** withDefaultClass is the claim with the default class filled in when it names none, or undefined when there is nothing to change. */
export function withDefaultClass(claim: PersistentVolumeClaim, defaultClass: StorageClass | undefined): PersistentVolumeClaim | undefined {
  if (claimClassName(claim) !== undefined || !defaultClass || claim.spec.volumeName) return undefined;
  return { ...claim, spec: { ...claim.spec, storageClassName: defaultClass.metadata.name } };
}

/** bindingModeOf is the class's volumeBindingMode, Immediate by default. */
export const bindingModeOf = (storageClass: StorageClass | undefined): 'Immediate' | 'WaitForFirstConsumer' => storageClass?.volumeBindingMode ?? 'Immediate';

/** reclaimPolicyOf is the class's reclaimPolicy, Delete by default. */
export const reclaimPolicyOf = (storageClass: StorageClass): 'Delete' | 'Retain' => storageClass.reclaimPolicy ?? 'Delete';
