import type { KubeObject } from './meta.js';
import { indexPut, indexRemove, kindGroup, namespaceGroup } from './store-index.js';

/** StoreChange is one write to a store: what happened to which object, at which revision. */
export type StoreChange = { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject; revision: number };

/** observers hold, beside the store (never in snapshots), who is told of each write; most stores have none. */
const observers = new WeakMap<ObjectStore, (change: StoreChange) => void>();

/** observeStore tells `listener` of every later write to `store` (one listener per store; undefined stops). */
export function observeStore(store: ObjectStore, listener: ((change: StoreChange) => void) | undefined): void {
  if (listener) observers.set(store, listener);
  else observers.delete(store);
}

/** ObjectStore is one cluster's API objects, as etcd would hold them: by kind, then by `namespace/name`. */
export interface ObjectStore {
  objects: Record<string, Record<string, KubeObject>>;
  /** revision is the cluster's last resourceVersion; every change takes the next one. */
  revision: number;
}

/** emptyStore is a cluster without objects. */
export function emptyStore(): ObjectStore {
  return { objects: {}, revision: 0 };
}

/** objectKey is `namespace/name`, or `/name` for cluster-scoped kinds. */
export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** keyOf is an object's key in its kind's map. */
export function keyOf(object: KubeObject): string {
  return objectKey(object.metadata.namespace, object.metadata.name ?? '');
}

/**
 * clusterKeys holds the keys of cluster-scoped objects (`/name`) by name: nodes are looked up for every pod bound to
 * them, and a key built afresh is hashed and looked up in V8's string table before it can find anything.
 */
const clusterKeys = new Map<string, string>();
const CLUSTER_KEYS_KEPT = 100_000;

function clusterKey(name: string): string {
  let key = clusterKeys.get(name);
  if (key === undefined) {
    if (clusterKeys.size >= CLUSTER_KEYS_KEPT) clusterKeys.clear();
    clusterKeys.set(name, (key = objectKey(undefined, name)));
  }
  return key;
}

/** getObject reads one object by kind, namespace and name. */
export function getObject<T extends KubeObject = KubeObject>(store: ObjectStore, kind: string, namespace: string | undefined, name: string): T | undefined {
  return store.objects[kind]?.[namespace === undefined ? clusterKey(name) : objectKey(namespace, name)] as T | undefined;
}

/** listObjects lists a kind, in one namespace or all, in creation order. */
export function listObjects<T extends KubeObject = KubeObject>(store: ObjectStore, kind: string, namespace?: string): T[] {
  // A copy: callers may sort or splice what they get.
  return (namespace === undefined ? kindGroup<T>(store, kind) : namespaceGroup<T>(store, kind, namespace)).objects().slice();
}

/** putObject stores an object (creating or replacing it) under the next revision, and returns that revision; indexes see a change made in place only once it is put. A caller holding the object's key (keyOf) may pass it. */
export function putObject(store: ObjectStore, object: KubeObject, key: string = keyOf(object)): number {
  const byKey = (store.objects[object.kind] ??= {});
  // Only a watcher needs to know whether the key was new (reading it is a lookup in a map of every object of the kind).
  const added = observers.has(store) && byKey[key] === undefined;
  byKey[key] = object;
  return announce(store, object, byKey, key, added ? 'ADDED' : 'MODIFIED');
}

/**
 * putStoredObject is putObject for an object read from the store under key and changed in place: it takes the next
 * revision and tells the indexes, without storing the object again (a write into a map of 100,000 pods is a cache miss).
 */
export function putStoredObject(store: ObjectStore, object: KubeObject, key: string): number {
  return announce(store, object, store.objects[object.kind], key, 'MODIFIED');
}

/** announce gives a stored object the next revision and tells the indexes and the store's watcher. */
function announce(store: ObjectStore, object: KubeObject, byKey: Record<string, KubeObject>, key: string, type: 'ADDED' | 'MODIFIED'): number {
  store.revision++;
  object.metadata.resourceVersion = String(store.revision);
  indexPut(byKey, key, object);
  observers.get(store)?.({ type, object, revision: store.revision });
  return store.revision;
}

/** removeObject forgets an object; it returns what was stored. A caller holding the object's key may pass it. */
export function removeObject(store: ObjectStore, kind: string, namespace: string | undefined, name: string, key: string = objectKey(namespace, name)): KubeObject | undefined {
  const byKey = store.objects[kind];
  const found = byKey?.[key];
  if (found) {
    store.revision++;
    delete byKey[key];
    indexRemove(byKey, key);
    observers.get(store)?.({ type: 'DELETED', object: found, revision: store.revision });
  }
  return found;
}

/** uidChars holds a uid's 36 characters while it is made (made in one go, the uid is a flat string); the dashes never move. */
const uidChars: number[] = Array.from({ length: 36 }, (_, i) => (i === 8 || i === 13 || i === 18 || i === 23 ? 45 : 48));
const HEX_DIGITS = '0123456789abcdef';

/** mix finishes one 32-bit word of a uid (a murmur-style avalanche). */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  x = Math.imul(x ^ (x >>> 12), 0x297a2d39);
  return (x ^ (x >>> 15)) >>> 0;
}

/** UID_AT are the places of a uid's 32 hex digits among its 36 characters (xxxxxxxx-xxxx-4xxx-axxx-xxxxxxxxxxxx). */
const UID_AT = Array.from({ length: 32 }, (_, d) => d + (d >= 8 ? 1 : 0) + (d >= 12 ? 1 : 0) + (d >= 16 ? 1 : 0) + (d >= 20 ? 1 : 0));

/** writeHex writes a 32-bit word's eight hex digits into the uid's characters, as digits `from`..`from + 7`. */
function writeHex(word: number, from: number): void {
  for (let d = 0; d < 8; d++) uidChars[UID_AT[from + d]] = HEX_DIGITS.charCodeAt((word >>> (28 - 4 * d)) & 15);
}

/**
 * uidFor derives a stable, unique uid from where an object was created in the cluster's history: three words hash the
 * cluster id (FNV-style, from three seeds, each first mixed with the revision), the last eight digits are the revision's.
 */
export function uidFor(clusterId: string, revision: number): string {
  let a = 0x811c9dc5 ^ revision;
  let b = 0x5bd1e995 ^ revision;
  let c = 0x27d4eb2f ^ revision;
  for (let i = 0; i < clusterId.length; i++) {
    const code = clusterId.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
    c = Math.imul(c ^ code, 0x01000193);
  }
  writeHex(mix(a), 0);
  writeHex(mix(b), 8);
  writeHex(mix(c), 16);
  // The last eight digits are the revision's own (its first eight, should it ever pass 32 bits).
  writeHex(revision <= 0xffffffff ? revision : parseInt(revision.toString(16).slice(0, 8), 16), 24);
  // The version and variant digits are written over digits 12 and 16; the dashes stay where they were put.
  uidChars[UID_AT[12]] = 52;
  uidChars[UID_AT[16]] = 97;
  return String.fromCharCode.apply(null, uidChars);
}
