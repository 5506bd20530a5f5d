import type { Affinity, PodAffinityTerm, Pod } from '../../../kube/index.js';
import { ClusterSnapshot } from '../../cluster-snapshot.js';
import { CycleState, Status } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { makeNode, makePod } from '../../testing/fixtures.js';
import { InterPodAffinityPlugin } from './inter-pod-affinity.plugin.js';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';
const term = (app: string, topologyKey: string, extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm => ({
  labelSelector: { matchLabels: { app } },
  topologyKey,
  ...extra,
});
const nodes = [
  makeNode('a1', { labels: { [ZONE]: 'a' } }),
  makeNode('a2', { labels: { [ZONE]: 'a' } }),
  makeNode('b1', { labels: { [ZONE]: 'b' } }),
  makeNode('c1'),
];
const web = makePod('web', { labels: { app: 'web' }, nodeName: 'a1' });
const db = makePod('db', { labels: { app: 'db' }, nodeName: 'b1' });

function snapshot(...extra: Pod[]): ClusterSnapshot {
  const s = ClusterSnapshot.of(nodes, [web, db, ...extra]);
  s.namespaces.set('default', { team: 'shop' });
  s.namespaces.set('other', { team: 'ops' });
  return s;
}

const AFF = "node(s) didn't match pod affinity rules";
const ANTI = "node(s) didn't match pod anti-affinity rules";
const EXISTING = "node(s) didn't satisfy existing pods anti-affinity rules";

describe('InterPodAffinity filter', () => {
  const plugin = new InterPodAffinityPlugin();
  const required = (...terms: PodAffinityTerm[]): Affinity => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } });
  const anti = (...terms: PodAffinityTerm[]): Affinity => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } });

  it.each<[string, Pod, Pod[], Record<string, string>]>([
    ['affinity by zone admits the whole zone', makePod('p', { affinity: required(term('web', ZONE)) }), [], { b1: AFF, c1: AFF }],
    ['affinity by hostname admits only that node', makePod('p', { affinity: required(term('web', HOST)) }), [], { a2: AFF, b1: AFF, c1: AFF }],
    [
      'the first pod of a self-affine group goes anywhere with the topology key',
      makePod('p', { labels: { app: 'cache' }, affinity: required(term('cache', ZONE)) }),
      [],
      { c1: AFF },
    ],
    ['affinity to pods that do not exist, from a pod that does not match itself', makePod('p', { affinity: required(term('cache', ZONE)) }), [], { a1: AFF, a2: AFF, b1: AFF, c1: AFF }],
    ['terms only match pods in the listed namespaces', makePod('p', { affinity: required(term('web', ZONE, { namespaces: ['other'] })) }), [], { a1: AFF, a2: AFF, b1: AFF, c1: AFF }],
    ['a namespaceSelector is resolved against namespace labels', makePod('p', { affinity: required(term('web', ZONE, { namespaceSelector: { matchLabels: { team: 'shop' } } })) }), [], { b1: AFF, c1: AFF }],
    ['anti-affinity by zone keeps the pod out of the zone', makePod('p', { affinity: anti(term('web', ZONE)) }), [], { a1: ANTI, a2: ANTI }],
    ['anti-affinity by hostname keeps it off the node', makePod('p', { affinity: anti(term('web', HOST)) }), [], { a1: ANTI }],
    [
      "an existing pod's anti-affinity keeps matching pods out of its zone",
      makePod('p', { labels: { app: 'web' } }),
      [makePod('loner', { nodeName: 'b1', affinity: anti(term('web', ZONE)) })],
      { b1: EXISTING },
    ],
    [
      "an existing pod's anti-affinity in another namespace does not see this pod",
      makePod('p', { labels: { app: 'web' } }),
      [makePod('loner', { namespace: 'other', nodeName: 'b1', affinity: anti(term('web', ZONE)) })],
      {},
    ],
  ])('%s', (_case, pod, extra, rejected) => {
    const s = snapshot(...extra);
    const state = new CycleState();
    const info = PodInfo.of(pod);
    if (plugin.preFilter(state, info, s) === Status.skip) return expect(rejected).toEqual({});
    const statuses = s.nodes.map((n) => [n.name, plugin.filter(state, info, n)] as const);
    expect(Object.fromEntries(statuses.filter(([, st]) => !st.isSuccess()).map(([n, st]) => [n, st.message()]))).toEqual(rejected);
  });

  it('skips pods without required terms when no existing pod has anti-affinity', () => {
    expect(plugin.preFilter(new CycleState(), PodInfo.of(makePod('p', { labels: { app: 'web' } })), snapshot())).toBe(Status.skip);
  });
});

describe('InterPodAffinity score', () => {
  const preferred = (weight: number, t: PodAffinityTerm, kind: 'podAffinity' | 'podAntiAffinity' = 'podAffinity'): Affinity => ({
    [kind]: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: t }] },
  });

  it.each<[string, Pod, Pod[], Record<string, number> | 'Skip', number]>([
    ['skips when no term matches anything', makePod('p'), [], 'Skip', 1],
    ['preferred affinity favours the zone of matching pods', makePod('p', { affinity: preferred(10, term('web', ZONE)) }), [], { a1: 100, a2: 100, b1: 0, c1: 0 }, 1],
    ['preferred anti-affinity disfavours it', makePod('p', { affinity: preferred(10, term('web', ZONE), 'podAntiAffinity') }), [], { a1: 0, a2: 0, b1: 100, c1: 100 }, 1],
    [
      "an existing pod's preferred anti-affinity pushes matching pods away",
      makePod('p', { labels: { app: 'api' } }),
      [makePod('shy', { nodeName: 'b1', affinity: preferred(5, term('api', ZONE), 'podAntiAffinity') })],
      { a1: 100, a2: 100, b1: 0, c1: 100 },
      1,
    ],
    [
      "an existing pod's required affinity attracts matching pods with hardPodAffinityWeight",
      makePod('p', { labels: { app: 'api' } }),
      [makePod('fan', { nodeName: 'a2', affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('api', HOST)] } } })],
      { a1: 0, a2: 100, b1: 0, c1: 0 },
      1,
    ],
    [
      'hardPodAffinityWeight 0 turns that off',
      makePod('p', { labels: { app: 'api' } }),
      [makePod('fan', { nodeName: 'a2', affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('api', HOST)] } } })],
      'Skip',
      0,
    ],
  ])('%s', (_case, pod, extra, expected, hardPodAffinityWeight) => {
    const plugin = new InterPodAffinityPlugin({ hardPodAffinityWeight });
    const s = snapshot(...extra);
    const state = new CycleState();
    const info = PodInfo.of(pod);
    const status = plugin.preScore(state, info, s.nodes, s);
    if (expected === 'Skip') return expect(status.code).toBe('Skip');
    const scores = s.nodes.map((n) => plugin.score(state, info, n));
    plugin.normalizeScore(state, info, s.nodes, scores);
    expect(Object.fromEntries(s.nodes.map((n, i) => [n.name, scores[i]]))).toEqual(expected);
  });
});
