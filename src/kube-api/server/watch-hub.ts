/** Change feeds per cluster: every write to a cluster's object store, kept for a while so a watch can resume from a resourceVersion. */
import { copyJson, observeStore, type KubeObject, type ObjectStore, type StoreChange } from '../../emulator/kube/index.js';

/** Change is one write as a watch sends it: the object as it was right after the write. */
export interface Change {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  revision: number;
}

/** HISTORY is how many changes a cluster keeps for resuming watches; older resourceVersions get 410 Expired. */
const HISTORY = 20000;

/** Feed is one cluster's retained changes and live subscribers. */
class Feed {
  readonly history: Change[] = [];
  readonly subscribers = new Set<(change: Change) => void>();
  /** oldest is the first revision after which every change is retained. */
  oldest: number;

  constructor(store: ObjectStore) {
    this.oldest = store.revision;
    observeStore(store, (change) => this.record(change));
  }

  private record(change: StoreChange): void {
    const object = copyJson(change.object);
    if (change.type === 'DELETED') object.metadata.resourceVersion = String(change.revision);
    const entry: Change = { type: change.type, object, revision: change.revision };
    this.history.push(entry);
    if (this.history.length > HISTORY) this.oldest = this.history.splice(0, this.history.length - HISTORY).at(-1)!.revision;
    for (const subscriber of this.subscribers) subscriber(entry);
  }
}

/** WatchHub starts a cluster's feed the first time its Kubernetes API is used, so clusters nobody watches cost nothing. */
export class WatchHub {
  private readonly feeds = new WeakMap<ObjectStore, Feed>();

  /** feed returns the cluster's feed, starting it now if needed. */
  feed(store: ObjectStore): Feed {
    let feed = this.feeds.get(store);
    if (!feed) this.feeds.set(store, (feed = new Feed(store)));
    return feed;
  }

  /** since returns the retained changes after `revision`, or undefined when history no longer reaches back that far. */
  since(store: ObjectStore, revision: number): Change[] | undefined {
    const feed = this.feed(store);
    if (revision < feed.oldest) return undefined;
    return feed.history.filter((c) => c.revision > revision);
  }

  /** oldest is the oldest revision a watch may resume from. */
  oldest(store: ObjectStore): number {
    return this.feed(store).oldest;
  }

  /** subscribe calls `listener` with each later change; it returns the unsubscribe function. */
  subscribe(store: ObjectStore, listener: (change: Change) => void): () => void {
    const feed = this.feed(store);
    feed.subscribers.add(listener);
    return () => feed.subscribers.delete(listener);
  }
}
