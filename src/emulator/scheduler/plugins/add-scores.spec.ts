import { ClusterSnapshot } from '../cluster-snapshot.js';
import { CycleState } from '../framework.js';
import { PodInfo } from '../pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { NodeResourcesBalancedAllocationPlugin } from './node-resources-balanced-allocation/node-resources-balanced-allocation.plugin.js';
import { NodeResourcesFitPlugin } from './node-resources-fit/node-resources-fit.plugin.js';
import { TaintTolerationPlugin } from './taint-toleration/taint-toleration.plugin.js';

describe('batch scoring (addScores) gives exactly what score gives node by node', () => {
  const nodes = [
    nodeInfo(makeNode('empty')),
    nodeInfo(makeNode('busy'), makePod('a', { cpu: '3', memory: '1Gi' })),
    nodeInfo(makeNode('full'), makePod('b', { cpu: '4', memory: '8Gi' })),
    nodeInfo(makeNode('unrequested'), makePod('c', {})),
  ];
  it.each([
    ['NodeResourcesFit', new NodeResourcesFitPlugin(), 1],
    ['NodeResourcesBalancedAllocation', new NodeResourcesBalancedAllocationPlugin(), 2],
  ] as const)('%s, weight %d', (_name, plugin, weight) => {
    for (const options of [{ cpu: '100m', memory: '100Mi' }, { cpu: '2' }, {}]) {
      const pod = PodInfo.of(makePod('p', options));
      const totals = nodes.map((_, i) => i * 1000);
      plugin.addScores(new CycleState(), pod, nodes, weight, totals);
      expect(totals).toEqual(nodes.map((node, i) => i * 1000 + plugin.score(new CycleState(), pod, node) * weight));
    }
  });
});

describe('uniform scoring (addUniformScores) gives exactly what score and normalizeScore give', () => {
  const plugin = new TaintTolerationPlugin();
  const pod = PodInfo.of(makePod('p', { cpu: '100m' }));
  const scoreAndNormalize = (nodes: ReturnType<typeof nodeInfo>[], weight: number): number[] => {
    const state = new CycleState();
    plugin.preScore(state, pod);
    const scores = nodes.map((node) => plugin.score(state, pod, node));
    plugin.normalizeScore(state, pod, nodes, scores);
    return scores.map((score) => score * weight);
  };

  it('given no taints on any node, when it scores with weight 3, then every node gets 300, as the full path gives', () => {
    const nodes = [nodeInfo(makeNode('a')), nodeInfo(makeNode('b'))];
    const totals = [0, 0];
    expect(plugin.addUniformScores(new CycleState(), pod, nodes, 3, totals)).toBe(true);
    expect(totals).toEqual(scoreAndNormalize(nodes, 3));
  });

  it('given a node with a PreferNoSchedule taint, then it leaves the totals to the full path', () => {
    const nodes = [nodeInfo(makeNode('a')), nodeInfo(makeNode('b', { taints: [{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }] }))];
    const totals = [0, 0];
    expect(plugin.addUniformScores(new CycleState(), pod, nodes, 3, totals)).toBe(false);
    expect(totals).toEqual([0, 0]);
    expect(scoreAndNormalize(nodes, 3)).toEqual([300, 0]);
  });

  it('given PreScore saw a cluster without taints, then every candidate gets 300 without reading the candidates', () => {
    const snapshot = ClusterSnapshot.of([makeNode('a'), makeNode('b')]);
    const state = new CycleState();
    plugin.preScore(state, pod, snapshot.nodes, snapshot);
    const totals = [0, 0];
    expect(plugin.addUniformScores(state, pod, snapshot.nodes, 3, totals)).toBe(true);
    expect(totals).toEqual(scoreAndNormalize([...snapshot.nodes], 3));
  });

  it('given PreScore saw a tainted node elsewhere in the cluster, then a tainted candidate still sends the totals to the full path', () => {
    const tainted = makeNode('b', { taints: [{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }] });
    const snapshot = ClusterSnapshot.of([makeNode('a'), tainted]);
    const state = new CycleState();
    plugin.preScore(state, pod, snapshot.nodes, snapshot);
    const totals = [0, 0];
    expect(plugin.addUniformScores(state, pod, snapshot.nodes, 3, totals)).toBe(false);
    expect(totals).toEqual([0, 0]);
  });
});
