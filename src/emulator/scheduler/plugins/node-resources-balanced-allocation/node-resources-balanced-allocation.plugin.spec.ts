import { CycleState } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { makeNode, makePod, nodeInfo, type PodOptions } from '../../testing/fixtures.js';
import { NodeResourcesBalancedAllocationPlugin } from './node-resources-balanced-allocation.plugin.js';

describe('NodeResourcesBalancedAllocation', () => {
  const plugin = new NodeResourcesBalancedAllocationPlugin();

  it.each<[string, PodOptions, PodOptions[], number]>([
    ['equal shares of cpu and memory score 100', { cpu: '1', memory: '2Gi' }, [], 100],
    ['cpu 50% and memory 12.5% score (1 - 0.1875) * 100, truncated', { cpu: '2', memory: '1Gi' }, [], 81],
    ['a fraction above 1 is capped', { cpu: '2', memory: '1Gi' }, [{ cpu: '3' }], 56],
    ['requests count as written: existing pods without requests add nothing', { cpu: '1', memory: '2Gi' }, [{}], 100],
  ])('%s', (_case, options, others, expected) => {
    const node = nodeInfo(makeNode('n'), ...others.map((o, i) => makePod(`o${i}`, o)));
    const pod = PodInfo.of(makePod('p', options));
    expect(plugin.preScore(new CycleState(), pod).code).toBe('Success');
    expect(plugin.score(new CycleState(), pod, node)).toBe(expected);
  });

  it.each([
    ['a best-effort pod skips balanced allocation', {}, 'Skip'],
    ['a pod requesting only memory is scored', { memory: '1Gi' }, 'Success'],
  ])('%s', (_case, options, code) => {
    expect(plugin.preScore(new CycleState(), PodInfo.of(makePod('p', options))).code).toBe(code);
  });
});
