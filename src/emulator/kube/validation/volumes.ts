import { isQuantity, parseQuantity, QUANTITY_MESSAGE } from '../quantity.js';
import { isRecord, type Checker, type Json } from './checker.js';
import { child, duplicate, forbidden, index, invalid, required } from './field-error.js';
import { isDNS1123Label } from './names.js';

/** Volume sources: a pod volume has exactly one; unknown ones (TKE's in-tree `qcloudCbs`) are accepted as plugins. */

/** REQUIRED_SOURCE_FIELDS lists, per volume source, the fields Kubernetes requires (and TKE's qcloudCbs its disk id). */
const REQUIRED_SOURCE_FIELDS: Record<string, readonly string[]> = {
  hostPath: ['path'],
  secret: ['secretName'],
  configMap: ['name'],
  persistentVolumeClaim: ['claimName'],
  nfs: ['server', 'path'],
  gcePersistentDisk: ['pdName'],
  awsElasticBlockStore: ['volumeID'],
  csi: ['driver'],
  gitRepo: ['repository'],
  iscsi: ['targetPortal', 'iqn'],
  rbd: ['monitors', 'image'],
  cinder: ['volumeID'],
  azureDisk: ['diskName', 'diskURI'],
  vsphereVolume: ['volumePath'],
  qcloudCbs: ['cbsDiskId'],
};

/** sourceKeys are a volume's source fields: every key but its name. */
export function sourceKeys(volume: Json): string[] {
  return Object.keys(volume).filter((k) => k !== 'name' && volume[k] !== undefined && volume[k] !== null);
}

function validateSource(c: Checker, source: string, value: unknown, path: string): void {
  const at = child(path, source);
  if (!isRecord(value)) {
    c.add(invalid(at, value, 'must be an object'));
    return;
  }
  for (const field of REQUIRED_SOURCE_FIELDS[source] ?? []) {
    const v = value[field];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) c.add(required(child(at, field)));
  }
  if (source === 'nfs' && typeof value.path === 'string' && value.path !== '' && !value.path.startsWith('/')) {
    c.add(invalid(child(at, 'path'), value.path, 'must be an absolute path'));
  }
  if (source === 'emptyDir' && value.sizeLimit !== undefined) {
    const limit = value.sizeLimit as string | number;
    if (!isQuantity(limit)) c.add(invalid(child(at, 'sizeLimit'), limit, QUANTITY_MESSAGE));
    else if ((parseQuantity(limit) ?? 0) < 0) c.add(forbidden(child(at, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
  }
}

/** validateVolumes is ValidateVolumes: names unique DNS labels, one source each; it returns the valid names. */
export function validateVolumes(c: Checker, volumes: Json[], path: string): Set<string> {
  const names = new Set<string>();
  volumes.forEach((volume, i) => {
    const at = index(path, i);
    const before = c.errors.length;
    const sources = sourceKeys(volume);
    sources.forEach((source, n) => {
      if (n > 0) c.add(forbidden(child(at, source), 'may not specify more than 1 volume type'));
      else validateSource(c, source, volume[source], at);
    });
    if (sources.length === 0) c.add(required(at, 'must specify a volume type'));
    const name = c.str(volume, 'name', at) ?? '';
    if (name.length === 0) c.add(required(child(at, 'name')));
    else for (const msg of isDNS1123Label(name)) c.add(invalid(child(at, 'name'), name, msg));
    if (names.has(name)) c.add(duplicate(child(at, 'name'), name));
    if (c.errors.length === before) names.add(name);
  });
  return names;
}
