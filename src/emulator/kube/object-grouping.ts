import type { KubeObject } from './meta.js';
import { Bucket, EMPTY_GROUP, type IndexedObject, type ObjectGroup } from './object-bucket.js';

/** Groupings of a kind's objects by a key a reader chooses (a pod's node, say), kept by the store index like its own groups. */

/** GroupingKey says which key an object is filed under (undefined is a key too); groupings are told apart by its identity, so declare it once. */
export interface GroupingKey<T extends KubeObject = KubeObject> {
  keyOf(object: T): string | undefined;
}

/** Grouping files one kind's indexed objects by a key, each group in creation order. */
export class Grouping<E extends IndexedObject = IndexedObject> {
  private readonly buckets = new Map<string | undefined, Bucket<E>>();
  private readonly filed = new Map<E, string | undefined>();

  constructor(private readonly by: GroupingKey) {}

  /** put files a new or written entry under its (possibly new) key. */
  put(entry: E, replaced: boolean): void {
    const key = this.by.keyOf(entry.object);
    if (this.filed.has(entry)) {
      const old = this.filed.get(entry);
      if (old === key) return this.buckets.get(key)!.touch(entry, replaced);
      this.remove(entry);
    }
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Bucket<E>()));
    bucket.join(entry);
    this.filed.set(entry, key);
  }

  /** remove unfiles an entry whose object left the store. */
  remove(entry: E): void {
    const key = this.filed.get(entry);
    const bucket = this.buckets.get(key);
    if (!bucket) return;
    bucket.leave(entry);
    this.filed.delete(entry);
    if (bucket.size === 0) this.buckets.delete(key);
  }

  group(key: string | undefined): ObjectGroup {
    return this.buckets.get(key) ?? EMPTY_GROUP;
  }
}
