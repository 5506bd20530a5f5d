import type { KubeObject, OwnerReference } from './meta.js';
import { emptyStore, listObjects, putObject, putStoredObject, removeObject, type ObjectStore } from './object-store.js';
import { controlledGroup, controlledGroups, countGroup, keyedGroup, kindGroup, namespaceGroup, uncontrolledGroup, type GroupingKey, type ObjectGroup } from './store-index.js';

const owner = (uid: string): OwnerReference => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid, controller: true });
const pod = (name: string, o: { namespace?: string; owner?: string; ready?: boolean } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: o.namespace ?? 'default', ...(o.owner ? { ownerReferences: [owner(o.owner)] } : {}) },
  status: { ready: o.ready ?? false },
});
const names = (group: ObjectGroup): string[] => group.list().map((e) => e.object.metadata.name ?? '');
/** scanned is listObjects as it was before the index: the kind's map in its own order. */
const scanned = (store: ObjectStore, namespace?: string): string[] =>
  Object.values(store.objects.Pod ?? {}).filter((o) => namespace === undefined || o.metadata.namespace === namespace).map((o) => o.metadata.name ?? '');

describe('store index', () => {
  it('given an object changed in place, when it is put back as stored, then it takes the next revision and the indexes see the change', () => {
    const store = emptyStore();
    putObject(store, pod('a'));
    const byReady: GroupingKey = { keyOf: (o) => String((o.status as { ready: boolean }).ready) };
    expect(names(keyedGroup(store, 'Pod', byReady, 'false'))).toEqual(['a']);
    const stored = store.objects.Pod['default/a'];
    (stored.status as { ready: boolean }).ready = true;
    expect(putStoredObject(store, stored, 'default/a')).toBe(2);
    expect(stored.metadata.resourceVersion).toBe('2');
    expect(store.objects.Pod['default/a']).toBe(stored);
    expect(names(keyedGroup(store, 'Pod', byReady, 'true'))).toEqual(['a']);
    expect(names(keyedGroup(store, 'Pod', byReady, 'false'))).toEqual([]);
  });

  it('lists a kind in the order of its map through creations, replacements, removals and re-creations', () => {
    const store = emptyStore();
    for (const name of ['a', 'b', 'c', 'd']) putObject(store, pod(name, { namespace: name === 'c' ? 'other' : 'default' }));
    expect(names(kindGroup(store, 'Pod'))).toEqual(['a', 'b', 'c', 'd']);
    const replacement = pod('b');
    putObject(store, replacement);
    expect(listObjects(store, 'Pod', 'default')[1]).toBe(replacement);
    removeObject(store, 'Pod', 'default', 'a');
    putObject(store, pod('a'));
    putObject(store, pod('e'));
    expect(listObjects(store, 'Pod').map((o) => o.metadata.name)).toEqual(scanned(store));
    expect(listObjects(store, 'Pod', 'default').map((o) => o.metadata.name)).toEqual(scanned(store, 'default'));
    expect(names(namespaceGroup(store, 'Pod', 'other'))).toEqual(['c']);
    expect(listObjects(store, 'Pod', 'nowhere')).toEqual([]);
  });

  it('groups by controller uid, and an adopted object takes its place in creation order', () => {
    const store = emptyStore();
    putObject(store, pod('orphan'));
    putObject(store, pod('x1', { owner: 'x' }));
    putObject(store, pod('y1', { owner: 'y' }));
    putObject(store, pod('x2', { owner: 'x' }));
    expect(names(uncontrolledGroup(store, 'Pod', 'default'))).toEqual(['orphan']);
    putObject(store, pod('orphan', { owner: 'x' }));
    expect(names(controlledGroup(store, 'Pod', 'default', 'x'))).toEqual(['orphan', 'x1', 'x2']);
    expect(uncontrolledGroup(store, 'Pod', 'default').size).toBe(0);
    expect(controlledGroup(store, 'Pod', 'other', 'x').size).toBe(0);
    expect(controlledGroups(store, 'Pod').map(names)).toEqual([['orphan', 'x1', 'x2'], ['y1']]);
  });

  it('changes a group\'s version on every write to a member, and clears what readers derived', () => {
    const store = emptyStore();
    putObject(store, pod('a', { owner: 'x' }));
    const group = controlledGroup(store, 'Pod', 'default', 'x');
    const [entry] = group.list();
    entry.memo = { derived: true };
    const before = group.version;
    putObject(store, entry.object);
    expect(group.version).not.toBe(before);
    expect(entry.memo).toBeUndefined();
  });

  it('keeps a tally equal to a recount through joins, writes and leaves, even past a dropped log', () => {
    const store = emptyStore();
    const ready = (o: KubeObject) => (o.status as { ready: boolean }).ready;
    const tally = () => countGroup(controlledGroup(store, 'Pod', 'default', 'x'), 'ready', 2, ({ object }) => 1 | (ready(object) ? 2 : 0));
    const recount = () => {
      const all = listObjects(store, 'Pod').filter((o) => o.metadata.ownerReferences?.[0]?.uid === 'x');
      return [all.length, all.filter(ready).length];
    };
    for (let i = 0; i < 10; i++) putObject(store, pod(`p${i}`, { owner: 'x' }));
    expect(tally()).toEqual(recount());
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3000; i++) putObject(store, pod(`p${i % 40}`, { owner: i % 7 === 0 ? 'y' : 'x', ready: (i + round) % 3 === 0 }));
      removeObject(store, 'Pod', 'default', `p${round}`);
      expect(tally()).toEqual(recount());
      putObject(store, pod(`p${round}`, { owner: 'x', ready: true }));
      putObject(store, pod('p20', { owner: 'y' }));
      putObject(store, pod('p21', { owner: 'x', ready: round % 2 === 0 }));
      expect(tally()).toEqual(recount());
    }
  });

  it('groups by a key a reader chooses, following writes that change the key', () => {
    const store = emptyStore();
    const byNode: GroupingKey = { keyOf: (o) => (o.spec as { nodeName?: string } | undefined)?.nodeName };
    const bind = (name: string, nodeName?: string) => putObject(store, { ...pod(name), spec: { nodeName } });
    bind('a');
    bind('b', 'n1');
    expect(names(keyedGroup(store, 'Pod', byNode, 'n1'))).toEqual(['b']);
    bind('c');
    bind('a', 'n1');
    removeObject(store, 'Pod', 'default', 'b');
    expect(names(keyedGroup(store, 'Pod', byNode, 'n1'))).toEqual(['a']);
    expect(names(keyedGroup(store, 'Pod', byNode, undefined))).toEqual(['c']);
    expect(keyedGroup(store, 'Pod', byNode, 'n2').size).toBe(0);
  });

  it('is never shared with a copy of the store, such as one rebuilt from a snapshot', () => {
    const store = emptyStore();
    putObject(store, pod('a'));
    expect(listObjects(store, 'Pod')).toHaveLength(1);
    const copy = JSON.parse(JSON.stringify(store)) as ObjectStore;
    putObject(copy, pod('b'));
    expect(listObjects(store, 'Pod').map((o) => o.metadata.name)).toEqual(['a']);
    expect(listObjects(copy, 'Pod').map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(JSON.stringify(store)).not.toContain('seq');
  });
});
