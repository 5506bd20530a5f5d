import type { KubeObject } from './meta.js';

/** A group of indexed objects in creation order, which readers can tally incrementally: the store index's building block. */

/** IndexedObject is a stored object with its place in creation order, and what readers derived from it (every write clears memo). */
export interface IndexedObject<T extends KubeObject = KubeObject> {
  readonly key: string;
  readonly seq: number;
  readonly object: T;
  memo: Record<string, unknown> | undefined;
}

/** ObjectGroup is some of a kind's objects, in creation order; its version changes whenever one joins, leaves or is written. */
export interface ObjectGroup<T extends KubeObject = KubeObject> {
  readonly version: number;
  readonly size: number;
  list(): readonly IndexedObject<T>[];
  /** objects are the members' objects, in the same order. */
  objects(): readonly T[];
}

/** Tally is one reader's running fold of a group's members: the value each member gave, and what adding or removing it does. */
interface Tally {
  value: (entry: IndexedObject) => number;
  cursor: number;
  readonly values: Map<IndexedObject, number>;
  readonly add: (value: number, by: 1 | -1) => void;
  readonly reset: () => void;
  /** result is what the reader gets: the fold's running totals. */
  readonly result: unknown;
}

/** clock hands out versions, unique across every index, so a version never repeats for different contents. */
let clock = 0;

/** TALLIES_KEPT bounds the tallies a group keeps (one per reader and selector, in practice one or two). */
const TALLIES_KEPT = 4;

/** Bucket is an ObjectGroup the index keeps current; while someone tallies it, it logs which members were touched. */
export class Bucket<E extends IndexedObject = IndexedObject> implements ObjectGroup {
  readonly members = new Map<string, E>();
  version = ++clock;
  private cached: E[] | undefined;
  private cachedObjects: KubeObject[] | undefined;
  private lastSeq = 0;
  private inOrder = true;
  private tallies: Map<string, Tally> | undefined;
  private log: IndexedObject[] = [];
  private logBase = 0;

  get size(): number {
    return this.members.size;
  }

  join(entry: E): void {
    this.members.set(entry.key, entry);
    if (entry.seq < this.lastSeq) this.inOrder = false;
    else this.lastSeq = entry.seq;
    this.cached = this.cachedObjects = undefined;
    this.touch(entry);
  }

  leave(entry: E): void {
    this.members.delete(entry.key);
    this.cached = this.cachedObjects = undefined;
    this.touch(entry);
  }

  /** touch notes that a member was written (or joined, or left); replaced says the write stored another object. */
  touch(entry: IndexedObject, replaced = false): void {
    this.version = ++clock;
    if (replaced) this.cachedObjects = undefined;
    if (!this.tallies) return;
    this.log.push(entry);
    // A log longer than the group costs more to replay than a recount: drop it, and tallies behind it recount.
    if (this.log.length > 1024 && this.log.length > 2 * this.members.size) {
      this.logBase += this.log.length;
      this.log = [];
    }
  }

  list(): readonly E[] {
    if (this.cached) return this.cached;
    const list = [...this.members.values()];
    if (!this.inOrder) {
      // A member that joined late (an adoption) goes back to its place in creation order.
      list.sort((a, b) => a.seq - b.seq);
      this.members.clear();
      for (const entry of list) this.members.set(entry.key, entry);
      this.inOrder = true;
    }
    return (this.cached = list);
  }

  objects(): readonly KubeObject[] {
    return (this.cachedObjects ??= this.list().map((entry) => entry.object));
  }

  /** count is, for each bit, how many members classify sets it on; name says which classifier (and its parameters) counts, and is unique among a group's tallies. */
  count(name: string, width: number, classify: (entry: IndexedObject) => number): readonly number[] {
    return this.fold(name, classify, () => {
      const counts = new Array<number>(width).fill(0);
      return { add: (bits, by) => add(counts, bits, by), reset: () => counts.fill(0), result: counts };
    }).result as number[];
  }

  /** tallyValues is how many members have each value valueOf gives (NaN: none); name says which valueOf (and its parameters). */
  tallyValues(name: string, valueOf: (entry: IndexedObject) => number): ReadonlyMap<number, number> {
    return this.fold(name, valueOf, () => {
      const counts = new Map<number, number>();
      const add = (value: number, by: 1 | -1): void => {
        if (Number.isNaN(value)) return;
        const count = (counts.get(value) ?? 0) + by;
        if (count === 0) counts.delete(value);
        else counts.set(value, count);
      };
      return { add, reset: () => counts.clear(), result: counts };
    }).result as Map<number, number>;
  }

  /** fold brings one reader's tally up to date with the members, replaying the log of touched members since it last looked. */
  private fold(name: string, value: (entry: IndexedObject) => number, make: () => Pick<Tally, 'add' | 'reset' | 'result'>): Tally {
    this.tallies ??= new Map();
    let tally = this.tallies.get(name);
    if (!tally) {
      if (this.tallies.size >= TALLIES_KEPT) this.tallies.delete(this.tallies.keys().next().value!);
      tally = { value, cursor: -1, values: new Map(), ...make() };
      this.tallies.set(name, tally);
    }
    tally.value = value;
    if (tally.cursor < this.logBase) this.recount(tally);
    else for (let i = tally.cursor - this.logBase; i < this.log.length; i++) this.recountOne(tally, this.log[i]);
    tally.cursor = this.logBase + this.log.length;
    return tally;
  }

  private recount(tally: Tally): void {
    tally.values.clear();
    tally.reset();
    for (const entry of this.members.values()) this.recountOne(tally, entry);
  }

  private recountOne(tally: Tally, entry: IndexedObject): void {
    const old = tally.values.get(entry);
    if (this.members.get(entry.key) !== entry) {
      if (old !== undefined) tally.add(old, -1);
      tally.values.delete(entry);
      return;
    }
    const value = tally.value(entry);
    // A write that left the member's value as it was (most writes, for any one tally) changes no count.
    if (old === value || (old !== undefined && Number.isNaN(old) && Number.isNaN(value))) return;
    if (old !== undefined) tally.add(old, -1);
    tally.values.set(entry, value);
    tally.add(value, 1);
  }
}

function add(counts: number[], bits: number, by: number): void {
  for (let i = 0; i < counts.length; i++) if (bits & (1 << i)) counts[i] += by;
}

/** EMPTY_GROUP is the group of nothing. */
export const EMPTY_GROUP: ObjectGroup = { version: 0, size: 0, list: () => [], objects: () => [] };

/** countGroup tallies a group by classify's bits (see Bucket.count); the empty group counts zeros. */
export function countGroup<T extends KubeObject>(group: ObjectGroup<T>, name: string, width: number, classify: (entry: IndexedObject<T>) => number): readonly number[] {
  return group instanceof Bucket ? group.count(name, width, classify as (entry: IndexedObject) => number) : new Array<number>(width).fill(0);
}

/** tallyValues counts a group's members by the value valueOf gives each (see Bucket.tallyValues); the empty group has none. */
export function tallyValues<T extends KubeObject>(group: ObjectGroup<T>, name: string, valueOf: (entry: IndexedObject<T>) => number): ReadonlyMap<number, number> {
  return group instanceof Bucket ? group.tallyValues(name, valueOf as (entry: IndexedObject) => number) : new Map();
}
