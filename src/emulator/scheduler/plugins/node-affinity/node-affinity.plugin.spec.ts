import type { Affinity, NodeSelectorRequirement } from '../../../kube/index.js';
import { CycleState, Status } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { makeNode, makePod, nodeInfo, type PodOptions } from '../../testing/fixtures.js';
import { ERR_REASON_CONFLICT, ERR_REASON_POD, NodeAffinityPlugin } from './node-affinity.plugin.js';

const required = (...terms: Array<{ matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }>): Affinity => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
});
const expr = (key: string, operator: NodeSelectorRequirement['operator'], values?: string[]): NodeSelectorRequirement => ({ key, operator, values });

// The node under test: node-1 in zone a, with 8 cores.
const node = nodeInfo(makeNode('node-1', { labels: { zone: 'a', cores: '8', disk: 'ssd' } }));

describe('NodeAffinity filter', () => {
  const plugin = new NodeAffinityPlugin();

  it.each<[string, PodOptions, boolean]>([
    ['nodeSelector matching every label', { nodeSelector: { zone: 'a', disk: 'ssd' } }, true],
    ['nodeSelector with one wrong value', { nodeSelector: { zone: 'a', disk: 'hdd' } }, false],
    ['In', { affinity: required({ matchExpressions: [expr('zone', 'In', ['a', 'b'])] }) }, true],
    ['NotIn', { affinity: required({ matchExpressions: [expr('zone', 'NotIn', ['a'])] }) }, false],
    ['NotIn on a missing label', { affinity: required({ matchExpressions: [expr('gpu', 'NotIn', ['x'])] }) }, true],
    ['Exists', { affinity: required({ matchExpressions: [expr('disk', 'Exists')] }) }, true],
    ['DoesNotExist', { affinity: required({ matchExpressions: [expr('disk', 'DoesNotExist')] }) }, false],
    ['Gt compares integers', { affinity: required({ matchExpressions: [expr('cores', 'Gt', ['4'])] }) }, true],
    ['Lt compares integers', { affinity: required({ matchExpressions: [expr('cores', 'Lt', ['8'])] }) }, false],
    ['Gt on a non-integer label never matches', { affinity: required({ matchExpressions: [expr('zone', 'Gt', ['1'])] }) }, false],
    ['a malformed Gt (two values) matches nothing', { affinity: required({ matchExpressions: [expr('cores', 'Gt', ['1', '2'])] }) }, false],
    ['terms are ORed', { affinity: required({ matchExpressions: [expr('zone', 'In', ['b'])] }, { matchExpressions: [expr('disk', 'Exists')] }) }, true],
    ['expressions in a term are ANDed', { affinity: required({ matchExpressions: [expr('zone', 'In', ['a']), expr('disk', 'In', ['hdd'])] }) }, false],
    ['an empty term matches nothing', { affinity: required({}) }, false],
    ['matchFields on metadata.name', { affinity: required({ matchFields: [expr('metadata.name', 'In', ['node-1'])] }) }, true],
    ['matchFields NotIn', { affinity: required({ matchFields: [expr('metadata.name', 'NotIn', ['node-1'])] }) }, false],
    ['nodeSelector and affinity must both hold', { nodeSelector: { zone: 'b' }, affinity: required({ matchExpressions: [expr('disk', 'Exists')] }) }, false],
  ])('%s', (_case, options, fits) => {
    const pod = PodInfo.of(makePod('p', options));
    const state = new CycleState();
    expect(plugin.preFilter(state, pod)).not.toBe(Status.skip);
    const status = plugin.filter(state, pod, node);
    expect([status.code, status.reasons]).toEqual(fits ? ['Success', []] : ['UnschedulableAndUnresolvable', [ERR_REASON_POD]]);
  });

  it.each<[string, PodOptions, unknown]>([
    ['skips a pod with neither nodeSelector nor required affinity', {}, Status.skip],
    ['narrows to the nodes named in matchFields', { affinity: required({ matchFields: [expr('metadata.name', 'In', ['a', 'b'])] }) }, { nodeNames: new Set(['a', 'b']) }],
    [
      'intersects within a term and unites across terms',
      {
        affinity: required(
          { matchFields: [expr('metadata.name', 'In', ['a', 'b']), expr('metadata.name', 'In', ['b', 'c'])] },
          { matchFields: [expr('metadata.name', 'In', ['d'])] },
        ),
      },
      { nodeNames: new Set(['b', 'd']) },
    ],
    ['does not narrow when one term allows any node', { affinity: required({ matchFields: [expr('metadata.name', 'In', ['a'])] }, { matchExpressions: [expr('zone', 'Exists')] }) }, Status.success],
    ['rejects terms that leave no node', { affinity: required({ matchFields: [expr('metadata.name', 'In', ['a']), expr('metadata.name', 'In', ['b'])] }) }, Status.unresolvable(ERR_REASON_CONFLICT)],
  ])('preFilter %s', (_case, options, expected) => {
    expect(plugin.preFilter(new CycleState(), PodInfo.of(makePod('p', options)))).toEqual(expected);
  });
});

describe('NodeAffinity score', () => {
  const plugin = new NodeAffinityPlugin();
  const nodes = [
    nodeInfo(makeNode('a', { labels: { zone: 'a', disk: 'ssd' } })),
    nodeInfo(makeNode('b', { labels: { zone: 'b', disk: 'ssd' } })),
    nodeInfo(makeNode('c', { labels: { zone: 'c' } })),
  ];
  const preferred = (...terms: Array<[number, NodeSelectorRequirement]>): Affinity => ({
    nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms.map(([weight, r]) => ({ weight, preference: { matchExpressions: [r] } })) },
  });

  it.each<[string, Affinity | undefined, number[] | 'Skip']>([
    ['skips a pod without preferred terms', undefined, 'Skip'],
    ['sums matching weights, normalized to the best node', preferred([3, expr('disk', 'In', ['ssd'])], [1, expr('zone', 'In', ['a'])]), [100, 75, 0]],
    ['all zero stays zero', preferred([5, expr('gpu', 'Exists')]), [0, 0, 0]],
  ])('%s', (_case, affinity, expected) => {
    const pod = PodInfo.of(makePod('p', { affinity }));
    const state = new CycleState();
    const status = plugin.preScore(state, pod);
    if (expected === 'Skip') return expect(status.code).toBe('Skip');
    const scores = nodes.map((n) => plugin.score(state, pod, n));
    plugin.normalizeScore(state, pod, nodes, scores);
    expect(scores).toEqual(expected);
  });
});
