import { SeededRandom } from '../clock/index.js';
import { numFeasibleNodesToFind } from './find-nodes.js';
import { Status, type FilterPlugin, type ReservePlugin } from './framework.js';
import { ClusterSnapshot } from './cluster-snapshot.js';
import { Profile } from './profile.js';
import { defaultProfileConfig, registry } from './registry.js';
import { schedule } from './scheduler.js';
import { makeNode, makePod } from './testing/fixtures.js';

const nodes = (count: number, prefix = 'node') => Array.from({ length: count }, (_, i) => makeNode(`${prefix}-${i}`));

describe('numFeasibleNodesToFind', () => {
  it.each([
    [0, 50, 50],
    [0, 99, 99],
    [0, 100, 100],
    [0, 1000, 420],
    [0, 5000, 500],
    [0, 6000, 300],
    [0, 15000, 750],
    [10, 5000, 500],
    [1, 1000, 100],
    [100, 5000, 5000],
  ])('percentage %i of %i nodes: stop after %i feasible', (percentage, all, expected) => {
    expect(numFeasibleNodesToFind(percentage, all)).toBe(expected);
  });
});

describe('schedule: the start index', () => {
  it.each([
    ['50 nodes are all examined, so the start stays put', 50, 7, 7],
    ['200 nodes: 100 feasible found, the start moves on by 100', 200, 0, 100],
    ['and wraps around the node list', 200, 150, 50],
    ['an out-of-range start is taken modulo the node count', 200, 450, 150],
    ['a negative start counts from the end', 50, -1, 49],
  ])('%s', (_case, count, startIndex, next) => {
    const result = schedule(makePod('p', { cpu: '100m' }), ClusterSnapshot.of(nodes(count)), { random: new SeededRandom(1), startIndex });
    expect(result).toMatchObject({ outcome: 'Scheduled', feasibleNodes: Math.min(count, 100), nextStartIndex: next });
  });

  it('counts rejected nodes as processed: 10 full nodes then 144 feasible of 300', () => {
    const full = Array.from({ length: 10 }, (_, i) => makeNode(`full-${i}`, { cpu: '100m' }));
    const result = schedule(makePod('p', { cpu: '1' }), ClusterSnapshot.of([...full, ...nodes(290)]), { random: new SeededRandom(1) });
    expect(result).toMatchObject({ outcome: 'Scheduled', evaluatedNodes: 154, feasibleNodes: 144, nextStartIndex: 154 });
  });

  it('replays identically from a persisted start index and seed', () => {
    const run = () => {
      const snapshot = ClusterSnapshot.of(nodes(300));
      const random = new SeededRandom(42);
      let startIndex = 0;
      const placed: string[] = [];
      for (let i = 0; i < 40; i++) {
        const result = schedule(makePod(`p${i}`, { cpu: '300m', memory: '256Mi' }), snapshot, { random, startIndex });
        if (result.outcome !== 'Scheduled') throw new Error(result.outcome);
        placed.push(result.nodeName);
        startIndex = result.nextStartIndex;
      }
      return { placed, draws: random.draws };
    };
    expect(run()).toEqual(run());
  });
});

describe('schedule: tie-breaks', () => {
  it.each([1, 2, 3])('draws once per tied node after the first, and the same seed %i picks the same node', (seed) => {
    const pick = () => {
      const random = new SeededRandom(seed);
      const result = schedule(makePod('p', { cpu: '1' }), ClusterSnapshot.of(nodes(10)), { random, dryRun: true });
      return { node: result.outcome === 'Scheduled' ? result.nodeName : undefined, draws: random.draws };
    };
    expect(pick()).toEqual(pick());
    expect(pick().draws).toBe(9);
  });

  it('different seeds spread ties over different nodes', () => {
    const chosen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const result = schedule(makePod('p'), ClusterSnapshot.of(nodes(10)), { random: new SeededRandom(seed), dryRun: true });
      if (result.outcome === 'Scheduled') chosen.add(result.nodeName);
    }
    expect(chosen.size).toBeGreaterThan(3);
  });

  it('takes a single feasible node without scoring or drawing', () => {
    const random = new SeededRandom(5);
    const snapshot = ClusterSnapshot.of([...nodes(4, 'small').map((n) => ({ ...n, status: { allocatable: { cpu: '1', memory: '1Gi', pods: '10' } } })), makeNode('big')]);
    const result = schedule(makePod('p', { cpu: '2' }), snapshot, { random, explain: true });
    expect(result).toMatchObject({ outcome: 'Scheduled', nodeName: 'big', feasibleNodes: 1 });
    expect(random.draws).toBe(0);
    expect(result.explanation?.scores).toEqual([]);
  });
});

describe('schedule: reserve and bind', () => {
  it('assumes the pod into the snapshot and returns its Binding', () => {
    const snapshot = ClusterSnapshot.of([makeNode('only')]);
    const result = schedule(makePod('web', { cpu: '1', memory: '1Gi' }), snapshot, { random: new SeededRandom(1) });
    expect(result).toMatchObject({ outcome: 'Scheduled', binding: { kind: 'Binding', metadata: { name: 'web' }, target: { kind: 'Node', name: 'only' } } });
    expect(snapshot.get('only')!.requested).toMatchObject({ milliCPU: 1000, memory: 2 ** 30 });
    expect(snapshot.nodeOf('default/web')?.name).toBe('only');
  });

  it('leaves the snapshot alone on a dry run', () => {
    const snapshot = ClusterSnapshot.of([makeNode('only')]);
    schedule(makePod('web', { cpu: '1' }), snapshot, { random: new SeededRandom(1), dryRun: true });
    expect(snapshot.get('only')!.pods).toHaveLength(0);
  });

  it('forgets the pod when a Reserve plugin rejects it', () => {
    const unreserved: string[] = [];
    const quota: ReservePlugin = {
      name: 'Quota',
      reserve: () => Status.unschedulable('quota exceeded'),
      unreserve: (_s, pod) => void unreserved.push(pod.name),
    };
    const profile = Profile.from(
      { ...defaultProfileConfig, plugins: [...defaultProfileConfig.plugins, { name: 'Quota' }] },
      new Map([...registry, ['Quota', () => quota]]),
    );
    const snapshot = ClusterSnapshot.of([makeNode('only')]);
    const result = schedule(makePod('web', { cpu: '1' }), snapshot, { random: new SeededRandom(1), profile });
    expect(result).toMatchObject({ outcome: 'Unschedulable', message: '0/1 nodes are available: 1 quota exceeded.', unschedulablePlugins: ['Quota'] });
    expect(unreserved).toEqual(['web']);
    expect(snapshot.get('only')!.pods).toHaveLength(0);
  });
});

describe('schedule: inter-pod anti-affinity and spreading through the whole cycle', () => {
  const replica = (i: number) =>
    makePod(`web-${i}`, {
      labels: { app: 'web' },
      cpu: '100m',
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } },
    });

  it('puts one replica per node, then reports the anti-affinity for the fourth', () => {
    const snapshot = ClusterSnapshot.of(nodes(3));
    const random = new SeededRandom(9);
    const placed = [0, 1, 2].map((i) => schedule(replica(i), snapshot, { random })).map((r) => (r.outcome === 'Scheduled' ? r.nodeName : r.outcome));
    expect(new Set(placed)).toEqual(new Set(['node-0', 'node-1', 'node-2']));
    expect(schedule(replica(3), snapshot, { random })).toMatchObject({
      outcome: 'Unschedulable',
      message: "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.",
      unschedulablePlugins: ['InterPodAffinity'],
    });
  });

  it('spreads by zone with a DoNotSchedule constraint', () => {
    const zone = (name: string, z: string) => makeNode(name, { labels: { 'topology.kubernetes.io/zone': z } });
    const snapshot = ClusterSnapshot.of([zone('a1', 'a'), zone('a2', 'a'), zone('b1', 'b')]);
    const random = new SeededRandom(3);
    const pod = (i: number) =>
      makePod(`s-${i}`, {
        labels: { app: 's' },
        spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 's' } } }] },
      });
    const zones = [0, 1, 2, 3].map((i) => schedule(pod(i), snapshot, { random })).map((r) => (r.outcome === 'Scheduled' ? r.nodeName[0] : r.outcome));
    expect(zones.filter((z) => z === 'a')).toHaveLength(2);
    expect(zones.filter((z) => z === 'b')).toHaveLength(2);
  });
});

describe('schedule: errors', () => {
  const withFilter = (filter: FilterPlugin['filter']) =>
    Profile.from(
      { ...defaultProfileConfig, plugins: [{ name: 'Broken' }, ...defaultProfileConfig.plugins] },
      new Map([...registry, ['Broken', () => ({ name: 'Broken', filter })]]),
    );

  it.each([
    ['a filter returning an Error status', withFilter(() => Status.error('disk on fire')), 'running "Broken" filter plugin: disk on fire'],
    [
      'a filter that throws',
      withFilter(() => {
        throw new Error('boom');
      }),
      'boom',
    ],
  ])('%s fails the attempt with outcome Error', (_case, profile, message) => {
    const result = schedule(makePod('p'), ClusterSnapshot.of(nodes(3)), { random: new SeededRandom(1), profile });
    expect(result).toMatchObject({ outcome: 'Error', message });
  });

  it('reports a pod the snapshot already holds instead of assuming it twice', () => {
    const snapshot = ClusterSnapshot.of([makeNode('only')], [makePod('web', { nodeName: 'only' })]);
    const result = schedule(makePod('web'), snapshot, { random: new SeededRandom(1) });
    expect(result).toMatchObject({ outcome: 'Error', message: 'assuming pod: pod default/web is already on node only' });
    expect(snapshot.get('only')!.pods).toHaveLength(1);
  });
});
