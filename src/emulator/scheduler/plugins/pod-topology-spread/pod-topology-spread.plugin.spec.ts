import type { Pod } from '../../../kube/index.js';
import { ClusterSnapshot } from '../../cluster-snapshot.js';
import { CycleState, Status } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { makeNode, makePod } from '../../testing/fixtures.js';
import { PodTopologySpreadPlugin } from './pod-topology-spread.plugin.js';
import type { SpreadConstraintSpec } from './spread-constraints.js';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';
const SKEW = "node(s) didn't match pod topology spread constraints";
const LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";

const nodes = [
  makeNode('a1', { labels: { [ZONE]: 'a' } }),
  makeNode('a2', { labels: { [ZONE]: 'a' } }),
  makeNode('b1', { labels: { [ZONE]: 'b' } }),
  makeNode('c1'),
];
const webOn = (node: string, i: number, version = 'v1') => makePod(`web-${node}-${i}`, { labels: { app: 'web', version }, nodeName: node });
// Zone a holds three web pods (two on a1), zone b none.
const existing = [webOn('a1', 0), webOn('a1', 1, 'v2'), webOn('a2', 0)];

const spread = (c: Partial<SpreadConstraintSpec>): SpreadConstraintSpec => ({
  maxSkew: 1,
  topologyKey: ZONE,
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: { matchLabels: { app: 'web' } },
  ...c,
});
const podWith = (constraints: SpreadConstraintSpec[], extra: Partial<Pod['spec']> = {}, labels = { app: 'web', version: 'v1' }) =>
  makePod('p', { labels, spec: { topologySpreadConstraints: constraints, ...extra } });

describe('PodTopologySpread filter', () => {
  const plugin = new PodTopologySpreadPlugin();

  it.each<[string, Pod, Pod[], Record<string, string>]>([
    ['maxSkew 1 by zone sends the pod to the emptier zone', podWith([spread({})]), [], { a1: SKEW, a2: SKEW, c1: LABEL }],
    ['a larger maxSkew admits the fuller zone too', podWith([spread({ maxSkew: 4 })]), [], { c1: LABEL }],
    ['by hostname every node is its own domain', podWith([spread({ topologyKey: HOST })]), [], { a1: SKEW, a2: SKEW }],
    ['the global minimum is the emptiest domain', podWith([spread({ maxSkew: 3 })]), [webOn('b1', 0)], { c1: LABEL }],
    ['fewer domains than minDomains make the minimum 0', podWith([spread({ maxSkew: 3, minDomains: 3 })]), [webOn('b1', 0)], { a1: SKEW, a2: SKEW, c1: LABEL }],
    ['a pod outside the selector does not count itself', podWith([spread({ maxSkew: 3 })], {}, { app: 'api', version: 'v1' }), [], { c1: LABEL }],
    [
      'node affinity is honoured by default: only zone a counts, so it is balanced',
      podWith([spread({})], { nodeSelector: { [ZONE]: 'a' } }),
      [],
      { c1: LABEL },
    ],
    ['nodeAffinityPolicy Ignore counts zone b as well', podWith([spread({ nodeAffinityPolicy: 'Ignore' })], { nodeSelector: { [ZONE]: 'a' } }), [], { a1: SKEW, a2: SKEW, c1: LABEL }],
    ['maxSkew 2 by hostname: a1 holds two web pods', podWith([spread({ topologyKey: HOST, maxSkew: 2 })]), [], { a1: SKEW }],
    ['matchLabelKeys count only pods of the same version', podWith([spread({ topologyKey: HOST, maxSkew: 2, matchLabelKeys: ['version'] })]), [], {}],
  ])('%s', (_case, pod, extra, rejected) => {
    const s = ClusterSnapshot.of(nodes, [...existing, ...extra]);
    const state = new CycleState();
    const info = PodInfo.of(pod);
    expect(plugin.preFilter(state, info, s)).toBe(Status.success);
    const statuses = s.nodes.map((n) => [n.name, plugin.filter(state, info, n)] as const);
    expect(Object.fromEntries(statuses.filter(([, st]) => !st.isSuccess()).map(([n, st]) => [n, st.message()]))).toEqual(rejected);
  });

  it('skips pods without DoNotSchedule constraints', () => {
    const pod = PodInfo.of(podWith([spread({ whenUnsatisfiable: 'ScheduleAnyway' })]));
    expect(plugin.preFilter(new CycleState(), pod, ClusterSnapshot.of(nodes))).toBe(Status.skip);
  });
});

describe('PodTopologySpread score', () => {
  const plugin = new PodTopologySpreadPlugin();
  const soft = (c: Partial<SpreadConstraintSpec>) => spread({ whenUnsatisfiable: 'ScheduleAnyway', ...c });

  it.each<[string, Pod, boolean, Record<string, number> | 'Skip']>([
    ['skips a pod without constraints', makePod('p', { labels: { app: 'web' } }), false, 'Skip'],
    ['by zone: the empty zone scores 100, nodes without the key 0', podWith([soft({})]), false, { a1: 0, a2: 0, b1: 100, c1: 0 }],
    ['by hostname: ln(6)-weighted counts, reversed', podWith([soft({ topologyKey: HOST })]), false, { a1: 0, a2: 50, b1: 100, c1: 100 }],
    ["system defaults from the pod's Services: hostname and zone, nodes without a zone still scored", makePod('p', { labels: { app: 'web' } }), true, { a1: 14, a2: 21, b1: 71, c1: 100 }],
  ])('%s', (_case, pod, defaults, expected) => {
    const s = ClusterSnapshot.of(nodes, existing);
    if (defaults) s.defaultSpreadSelector = () => ({ matchLabels: { app: 'web' } });
    const state = new CycleState();
    const info = PodInfo.of(pod);
    const status = plugin.preScore(state, info, s.nodes, s);
    if (expected === 'Skip') return expect(status.code).toBe('Skip');
    const scores = s.nodes.map((n) => plugin.score(state, info, n));
    plugin.normalizeScore(state, info, s.nodes, scores);
    expect(Object.fromEntries(s.nodes.map((n, i) => [n.name, scores[i]]))).toEqual(expected);
  });
});
