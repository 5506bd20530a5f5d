import { SeededRandom } from '../clock/index.js';
import type { Node } from '../kube/index.js';
import { fitErrorMessage } from './fit-error.js';
import { Status } from './framework.js';
import { ClusterSnapshot } from './cluster-snapshot.js';
import { schedule } from './scheduler.js';
import { makeNode, makePod, type PodOptions } from './testing/fixtures.js';

const ssd = { disk: 'ssd' };
const onlyName = (name: string) => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [name] }] }] } },
});

describe('the FailedScheduling message', () => {
  it.each<[string, Node[], PodOptions, string, string[]]>([
    [
      'counts each reason over nodes, sorted as strings',
      [makeNode('a', { cpu: '1', labels: ssd }), makeNode('b', { cpu: '1', labels: ssd }), makeNode('c'), makeNode('d'), makeNode('e')],
      { cpu: '2', nodeSelector: ssd },
      "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) didn't match Pod's node affinity/selector.",
      ['NodeAffinity', 'NodeResourcesFit'],
    ],
    [
      'reports the first failing filter per node, in profile order',
      [makeNode('a', { unschedulable: true, cpu: '1' }), makeNode('b', { taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }], cpu: '1' }), makeNode('c', { cpu: '1', memory: '1Gi' })],
      { cpu: '2', memory: '2Gi' },
      "0/3 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) had untolerated taint {gpu: yes}, 1 node(s) were unschedulable.",
      ['NodeResourcesFit', 'NodeUnschedulable', 'TaintToleration'],
    ],
    [
      'gives a PreFilter rejection alone',
      [makeNode('a'), makeNode('b'), makeNode('c')],
      { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }, { key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } } },
      '0/3 nodes are available: pod affinity terms conflict.',
      ['NodeAffinity'],
    ],
    [
      'counts the nodes a PreFilterResult left out',
      [makeNode('a', { cpu: '1' }), makeNode('b'), makeNode('c')],
      { cpu: '2', affinity: onlyName('a') },
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
      ['NodeAffinity', 'NodeResourcesFit'],
    ],
    [
      'names a node that does not exist',
      [makeNode('a'), makeNode('b')],
      { affinity: onlyName('zz') },
      "0/2 nodes are available: 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
      ['NodeAffinity'],
    ],
  ])('%s', (_case, cluster, pod, message, plugins) => {
    const result = schedule(makePod('p', pod), ClusterSnapshot.of(cluster), { random: new SeededRandom(1) });
    expect(result).toMatchObject({ outcome: 'Unschedulable', message, unschedulablePlugins: plugins });
  });

  it('says no nodes are available on an empty cluster', () => {
    const result = schedule(makePod('p'), ClusterSnapshot.of([]), { random: new SeededRandom(1) });
    expect(result).toMatchObject({ outcome: 'Unschedulable', message: 'no nodes available to schedule pods', nextStartIndex: 0 });
  });

  it('sorts counts as strings, so 10 comes before 9, and spells multi-reason statuses out', () => {
    const cpu = Status.unschedulable('Insufficient cpu');
    const both = Status.unschedulable('Insufficient cpu', 'Insufficient memory');
    const statuses = new Map([[cpu, 9], [both, 1]]);
    expect(fitErrorMessage(12, { nodeStatuses: statuses, unschedulablePlugins: new Set() })).toBe(
      '0/12 nodes are available: 1 Insufficient memory, 10 Insufficient cpu.',
    );
  });
});
