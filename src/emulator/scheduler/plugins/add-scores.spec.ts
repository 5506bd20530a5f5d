import { CycleState } from '../framework.js';
import { PodInfo } from '../pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { NodeResourcesBalancedAllocationPlugin } from './node-resources-balanced-allocation/node-resources-balanced-allocation.plugin.js';
import { NodeResourcesFitPlugin } from './node-resources-fit/node-resources-fit.plugin.js';

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
