import type { KubeObject } from './meta.js';
import { Bucket, EMPTY_GROUP as EMPTY, type IndexedObject, type ObjectGroup } from './object-bucket.js';
import { Grouping, type GroupingKey } from './object-grouping.js';

export { countGroup, tallyValues, type IndexedObject, type ObjectGroup } from './object-bucket.js';
export type { GroupingKey } from './object-grouping.js';

/**
 * Indexes over one kind's stored objects, kept beside the store rather than in it (snapshots and replays never see them):
 * built on first read from the kind's map, then kept current by putObject and removeObject. Every list is in creation
 * order, the order of the map itself, so readers decide exactly as they would scanning the map.
 */

/** UNCONTROLLED files objects that no owner reference marks as controller. */
const UNCONTROLLED = Symbol('uncontrolled');
type Controller = string | undefined | typeof UNCONTROLLED;

interface Entry extends IndexedObject {
  object: KubeObject;
  namespace: string | undefined;
  controller: Controller;
}

/** Namespace groups one namespace's objects of a kind, and those by the uid of their controller. */
class Namespace {
  readonly all = new Bucket<Entry>();
  readonly byController = new Map<Controller, Bucket<Entry>>();
}

function controllerOf(object: KubeObject): Controller {
  const refs = object.metadata.ownerReferences;
  if (refs) for (const ref of refs) if (ref.controller === true) return ref.uid;
  return UNCONTROLLED;
}

class KindIndex {
  readonly all = new Bucket<Entry>();
  readonly namespaces = new Map<string | undefined, Namespace>();
  private readonly groupings = new Map<GroupingKey, Grouping<Entry>>();
  private seq = 0;

  /** grouping files this kind's objects by a key, from now on. */
  grouping(by: GroupingKey): Grouping<Entry> {
    let grouping = this.groupings.get(by);
    if (!grouping) {
      this.groupings.set(by, (grouping = new Grouping<Entry>(by)));
      for (const entry of this.all.list()) grouping.put(entry, false);
    }
    return grouping;
  }

  put(key: string, object: KubeObject): void {
    const entry = this.all.members.get(key);
    if (!entry) {
      const created: Entry = { key, seq: ++this.seq, object, memo: undefined, namespace: object.metadata.namespace, controller: controllerOf(object) };
      this.all.join(created);
      this.file(created);
      for (const grouping of this.groupings.values()) grouping.put(created, false);
      return;
    }
    const replaced = entry.object !== object;
    entry.object = object;
    entry.memo = undefined;
    this.all.touch(entry, replaced);
    for (const grouping of this.groupings.values()) grouping.put(entry, replaced);
    const controller = controllerOf(object);
    if (entry.namespace === object.metadata.namespace && entry.controller === controller) {
      const space = this.namespaces.get(entry.namespace)!;
      space.all.touch(entry, replaced);
      space.byController.get(controller)!.touch(entry, replaced);
      return;
    }
    this.unfile(entry);
    entry.namespace = object.metadata.namespace;
    entry.controller = controller;
    this.file(entry);
  }

  remove(key: string): void {
    const entry = this.all.members.get(key);
    if (!entry) return;
    this.all.leave(entry);
    this.unfile(entry);
    for (const grouping of this.groupings.values()) grouping.remove(entry);
  }

  private file(entry: Entry): void {
    let space = this.namespaces.get(entry.namespace);
    if (!space) this.namespaces.set(entry.namespace, (space = new Namespace()));
    space.all.join(entry);
    let bucket = space.byController.get(entry.controller);
    if (!bucket) space.byController.set(entry.controller, (bucket = new Bucket<Entry>()));
    bucket.join(entry);
  }

  private unfile(entry: Entry): void {
    const space = this.namespaces.get(entry.namespace)!;
    space.all.leave(entry);
    const bucket = space.byController.get(entry.controller)!;
    bucket.leave(entry);
    if (bucket.size === 0) space.byController.delete(entry.controller);
  }
}

/** indexes are keyed by a kind's map itself, so a store rebuilt from a snapshot (or copied) never reads another's index. */
const indexes = new WeakMap<Record<string, KubeObject>, KindIndex>();

function indexFor(byKey: Record<string, KubeObject> | undefined): KindIndex | undefined {
  if (!byKey) return undefined;
  let index = indexes.get(byKey);
  if (!index) {
    index = new KindIndex();
    for (const key of Object.keys(byKey)) index.put(key, byKey[key]);
    indexes.set(byKey, index);
  }
  return index;
}

/** indexPut keeps a kind's index (if one was built) current after putObject stored object under key. */
export function indexPut(byKey: Record<string, KubeObject>, key: string, object: KubeObject): void {
  indexes.get(byKey)?.put(key, object);
}

/** indexRemove keeps a kind's index (if one was built) current after removeObject forgot key. */
export function indexRemove(byKey: Record<string, KubeObject>, key: string): void {
  indexes.get(byKey)?.remove(key);
}

type Objects = { objects: Record<string, Record<string, KubeObject>> };

/** creationSeq is an object's place in its kind's creation order (undefined if it is not stored). */
export function creationSeq(store: Objects, kind: string, key: string): number | undefined {
  return indexFor(store.objects[kind])?.all.members.get(key)?.seq;
}

/** kindGroup is every object of a kind. */
export function kindGroup<T extends KubeObject = KubeObject>(store: Objects, kind: string): ObjectGroup<T> {
  return (indexFor(store.objects[kind])?.all ?? EMPTY) as ObjectGroup<T>;
}

/** namespaceGroup is a kind's objects whose metadata.namespace is exactly namespace. */
export function namespaceGroup<T extends KubeObject = KubeObject>(store: Objects, kind: string, namespace: string | undefined): ObjectGroup<T> {
  return (indexFor(store.objects[kind])?.namespaces.get(namespace)?.all ?? EMPTY) as ObjectGroup<T>;
}

/** controlledGroup is a namespace's objects of a kind whose controller reference carries uid. */
export function controlledGroup<T extends KubeObject = KubeObject>(store: Objects, kind: string, namespace: string | undefined, uid: string | undefined): ObjectGroup<T> {
  return (indexFor(store.objects[kind])?.namespaces.get(namespace)?.byController.get(uid) ?? EMPTY) as ObjectGroup<T>;
}

/** uncontrolledGroup is a namespace's objects of a kind without a controller reference: the orphans an owner may adopt. */
export function uncontrolledGroup<T extends KubeObject = KubeObject>(store: Objects, kind: string, namespace: string | undefined): ObjectGroup<T> {
  return (indexFor(store.objects[kind])?.namespaces.get(namespace)?.byController.get(UNCONTROLLED) ?? EMPTY) as ObjectGroup<T>;
}

/** controlledGroups are a kind's objects grouped by namespace and controller uid, one group per pair; orphans are in none. */
export function controlledGroups<T extends KubeObject = KubeObject>(store: Objects, kind: string): ObjectGroup<T>[] {
  const groups: ObjectGroup<T>[] = [];
  for (const space of indexFor(store.objects[kind])?.namespaces.values() ?? []) {
    for (const [controller, bucket] of space.byController) if (controller !== UNCONTROLLED) groups.push(bucket as unknown as ObjectGroup<T>);
  }
  return groups;
}

/** keyedGroup is a kind's objects that by.keyOf files under key; the first call for a grouping files every object, putObject keeps it current. */
export function keyedGroup<T extends KubeObject = KubeObject>(store: Objects, kind: string, by: GroupingKey<T>, key: string | undefined): ObjectGroup<T> {
  return (indexFor(store.objects[kind])?.grouping(by as GroupingKey).group(key) ?? EMPTY) as ObjectGroup<T>;
}

/** memoOf is what compute derives from an indexed object, computed once per write of that object. */
export function memoOf<T extends KubeObject, R>(entry: IndexedObject<T>, slot: string, compute: (object: T) => R): R {
  const memo = (entry.memo ??= {});
  if (slot in memo) return memo[slot] as R;
  const value = compute(entry.object);
  memo[slot] = value;
  return value;
}
