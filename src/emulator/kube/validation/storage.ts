import { parseQuantity, QUANTITY_MESSAGE } from '../quantity.js';
import { byteLength, type Checker, type Json } from './checker.js';
import { child, forbidden, invalid, key, notSupported, required, tooLong } from './field-error.js';
import { isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { validateLabelSelector, validateObjectMeta } from './object-meta.js';
import { sourceKeys } from './volumes.js';

/** Claims, volumes and storage classes, as the core and storage validators check them. */

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const PV_SPEC_FIELDS = new Set(['capacity', 'accessModes', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions', 'volumeMode', 'nodeAffinity', 'volumeAttributesClassName']);

function validateAccessModes(c: Checker, spec: Json, path: string): void {
  const modes = c.strings(spec, 'accessModes', path);
  if (modes.length === 0) c.add(required(child(path, 'accessModes'), 'at least 1 access mode is required'));
  for (const mode of modes) if (!ACCESS_MODES.includes(mode)) c.add(notSupported(child(path, 'accessModes'), mode, ACCESS_MODES));
}

function validateStorageQuantity(c: Checker, list: Json | undefined, path: string): void {
  const raw = list?.storage;
  if (raw === undefined || raw === null) return c.add(required(path));
  const value = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
  if (value === undefined) c.add(invalid(path, raw, QUANTITY_MESSAGE));
  else if (value <= 0) c.add(invalid(path, String(raw), 'must be greater than zero'));
}

/** validatePersistentVolumeClaimSpec is ValidatePersistentVolumeClaimSpec (also used for claim templates). */
export function validatePersistentVolumeClaimSpec(c: Checker, spec: Json | undefined, path: string): void {
  const s = spec ?? {};
  validateAccessModes(c, s, path);
  validateLabelSelector(c, c.rec(s, 'selector', path), child(path, 'selector'));
  const resources = c.rec(s, 'resources', path);
  validateStorageQuantity(c, c.rec(resources, 'requests', child(path, 'resources')), key(child(path, 'resources'), 'storage'));
  const className = c.str(s, 'storageClassName', path);
  if (className) for (const msg of nameIsDNSSubdomain(className, false)) c.add(invalid(child(path, 'storageClassName'), className, msg));
  const mode = c.str(s, 'volumeMode', path);
  if (mode !== undefined && !VOLUME_MODES.includes(mode)) c.add(notSupported(child(path, 'volumeMode'), mode, VOLUME_MODES));
}

/** validatePersistentVolumeClaim is ValidatePersistentVolumeClaim. */
export function validatePersistentVolumeClaim(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  validatePersistentVolumeClaimSpec(c, c.rec(obj, 'spec', ''), 'spec');
}

/** validatePersistentVolume is ValidatePersistentVolume: capacity, access modes, reclaim policy and exactly one source. */
export function validatePersistentVolume(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), false, nameIsDNSSubdomain);
  const spec = c.rec(obj, 'spec', '') ?? {};
  validateAccessModes(c, spec, 'spec');
  const capacity = c.rec(spec, 'capacity', 'spec');
  if (!capacity || Object.keys(capacity).length === 0) c.add(required('spec.capacity'));
  else if (!('storage' in capacity) || Object.keys(capacity).length > 1) c.add(notSupported('spec.capacity', capacity, ['storage']));
  else validateStorageQuantity(c, capacity, key('spec.capacity', 'storage'));
  const policy = c.str(spec, 'persistentVolumeReclaimPolicy', 'spec');
  if (policy !== undefined && !['Delete', 'Recycle', 'Retain'].includes(policy)) {
    c.add(notSupported('spec.persistentVolumeReclaimPolicy', policy, ['Delete', 'Recycle', 'Retain']));
  }
  const mode = c.str(spec, 'volumeMode', 'spec');
  if (mode !== undefined && !VOLUME_MODES.includes(mode)) c.add(notSupported('spec.volumeMode', mode, VOLUME_MODES));
  const sources = sourceKeys(spec).filter((k) => !PV_SPEC_FIELDS.has(k));
  if (sources.length === 0) c.add(required('spec', 'must specify a volume type'));
  sources.slice(1).forEach((source) => c.add(forbidden(`spec.${source}`, 'may not specify more than 1 volume type')));
  const cbs = spec.qcloudCbs;
  if (cbs && typeof cbs === 'object' && !(cbs as Json).cbsDiskId) c.add(required('spec.qcloudCbs.cbsDiskId'));
}

/** validateStorageClass is ValidateStorageClass: provisioner, parameters, reclaim policy and binding mode. */
export function validateStorageClass(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), false, nameIsDNSSubdomain);
  const provisioner = c.str(obj, 'provisioner', '') ?? '';
  if (provisioner === '') c.add(required('provisioner'));
  else for (const msg of isQualifiedName(provisioner.toLowerCase())) c.add(invalid('provisioner', provisioner.toLowerCase(), msg));
  const parameters = c.strMap(obj, 'parameters', '') ?? {};
  if (Object.keys(parameters).length > 512) c.add(tooLong('parameters', 512));
  let size = 0;
  for (const [k, v] of Object.entries(parameters)) {
    if (k.length < 1) c.add(invalid('parameters', k, 'field can not be empty.'));
    size += byteLength(k) + byteLength(v);
  }
  if (size > 256 * 1024) c.add(tooLong('parameters', 256 * 1024));
  const policy = c.str(obj, 'reclaimPolicy', '');
  if (policy && !['Delete', 'Retain'].includes(policy)) c.add(notSupported('reclaimPolicy', policy, ['Delete', 'Retain']));
  const binding = c.str(obj, 'volumeBindingMode', '');
  if (binding === undefined) c.add(required('volumeBindingMode'));
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(binding)) c.add(notSupported('volumeBindingMode', binding, ['Immediate', 'WaitForFirstConsumer']));
  c.bool(obj, 'allowVolumeExpansion', '');
}
