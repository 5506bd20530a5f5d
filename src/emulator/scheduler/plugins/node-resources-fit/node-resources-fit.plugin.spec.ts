import type { Container } from '../../../kube/index.js';
import { CycleState } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { makeNode, makePod, nodeInfo, type PodOptions } from '../../testing/fixtures.js';
import { NodeResourcesFitPlugin } from './node-resources-fit.plugin.js';

const container = (name: string, cpu: string, memory: string, restartPolicy?: string): Container => ({
  name,
  image: 'busybox',
  resources: { requests: { cpu, memory } },
  ...(restartPolicy ? { restartPolicy } : {}),
});

// Every case runs against a 4 cpu / 8Gi / 110-pod node already holding a 2 cpu / 4Gi pod.
const existing = makePod('existing', { cpu: '2', memory: '4Gi' });

describe('NodeResourcesFit filter', () => {
  const plugin = new NodeResourcesFitPlugin();

  it.each<[string, PodOptions, string, string[]]>([
    ['a pod within what is left fits', { cpu: '2', memory: '4Gi' }, 'Success', []],
    ['one millicore too many is Insufficient cpu', { cpu: '2001m' }, 'Unschedulable', ['Insufficient cpu']],
    ['cpu and memory are both reported', { cpu: '3', memory: '5Gi' }, 'Unschedulable', ['Insufficient cpu', 'Insufficient memory']],
    ['a pod without requests fits', {}, 'Success', []],
    ['ephemeral-storage counts against allocatable', { requests: { 'ephemeral-storage': '1Gi' } }, 'Unschedulable', ['Insufficient ephemeral-storage']],
    ['an extended resource the node lacks', { requests: { 'example.com/gpu': '1' } }, 'Unschedulable', ['Insufficient example.com/gpu']],
    [
      'init containers count by their maximum, not their sum',
      { containers: [container('a', '1', '1Gi')], initContainers: [container('i1', '2', '1Gi'), container('i2', '2', '1Gi')] },
      'Success',
      [],
    ],
    [
      'an init container larger than the containers decides',
      { containers: [container('a', '1', '1Gi')], initContainers: [container('i1', '2500m', '1Gi')] },
      'Unschedulable',
      ['Insufficient cpu'],
    ],
    [
      'a restartable (sidecar) init container adds to the containers',
      { containers: [container('a', '1500m', '1Gi')], initContainers: [container('proxy', '600m', '1Gi', 'Always')] },
      'Unschedulable',
      ['Insufficient cpu'],
    ],
    ['pod overhead is added', { cpu: '1900m', spec: { overhead: { cpu: '200m' } } }, 'Unschedulable', ['Insufficient cpu']],
  ])('%s', (_case, options, code, reasons) => {
    const pod = PodInfo.of(makePod('p', options));
    const state = new CycleState();
    plugin.preFilter(state, pod);
    const status = plugin.filter(state, pod, nodeInfo(makeNode('n'), existing));
    expect([status.code, status.reasons]).toEqual([code, reasons]);
  });

  it('reports Too many pods first when the pod count is exhausted', () => {
    const pod = PodInfo.of(makePod('p', { cpu: '3' }));
    const state = new CycleState();
    plugin.preFilter(state, pod);
    const status = plugin.filter(state, pod, nodeInfo(makeNode('n', { pods: '1' }), existing));
    expect(status.reasons).toEqual(['Too many pods', 'Insufficient cpu']);
  });
});

describe('NodeResourcesFit score (LeastAllocated)', () => {
  const plugin = new NodeResourcesFitPlugin();

  it.each<[string, PodOptions, PodOptions[], number]>([
    ['an empty node, a quarter of cpu and memory', { cpu: '1', memory: '2Gi' }, [], 75],
    ['cpu 25% free and memory 75% free average to 50', { cpu: '1', memory: '1Gi' }, [{ cpu: '2', memory: '1Gi' }], 50],
    ['a pod without requests counts as 100m and 200MB', {}, [], 97],
    ['existing pods without requests count as 100m and 200MB', { cpu: '1', memory: '2Gi' }, [{}], 72],
    ['a resource requested beyond capacity scores 0', { cpu: '5', memory: '2Gi' }, [], 37],
  ])('%s', (_case, options, others, expected) => {
    const node = nodeInfo(makeNode('n'), ...others.map((o, i) => makePod(`o${i}`, o)));
    expect(plugin.score(new CycleState(), PodInfo.of(makePod('p', options)), node)).toBe(expected);
  });
});
