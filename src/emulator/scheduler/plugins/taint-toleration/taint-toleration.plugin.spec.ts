import type { Taint, Toleration } from '../../../kube/index.js';
import { CycleState } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { makeNode, makePod, nodeInfo } from '../../testing/fixtures.js';
import { TaintTolerationPlugin } from './taint-toleration.plugin.js';

const gpu: Taint = { key: 'gpu', value: 'true', effect: 'NoSchedule' };
const evict: Taint = { key: 'dedicated', value: 'db', effect: 'NoExecute' };
const soft: Taint = { key: 'spot', value: 'yes', effect: 'PreferNoSchedule' };

describe('TaintToleration', () => {
  const plugin = new TaintTolerationPlugin();

  it.each<[string, Taint[], Toleration[] | undefined, string, string[]]>([
    ['an untainted node takes any pod', [], undefined, 'Success', []],
    ['a NoSchedule taint rejects a pod without tolerations', [gpu], undefined, 'UnschedulableAndUnresolvable', ['node(s) had untolerated taint {gpu: true}']],
    ['an Equal toleration with the same value tolerates it', [gpu], [{ key: 'gpu', operator: 'Equal', value: 'true' }], 'Success', []],
    ['a different value does not', [gpu], [{ key: 'gpu', value: 'false' }], 'UnschedulableAndUnresolvable', ['node(s) had untolerated taint {gpu: true}']],
    ['Exists tolerates any value', [gpu], [{ key: 'gpu', operator: 'Exists' }], 'Success', []],
    ['the effect must match when given', [gpu], [{ key: 'gpu', operator: 'Exists', effect: 'NoExecute' }], 'UnschedulableAndUnresolvable', ['node(s) had untolerated taint {gpu: true}']],
    ['the first untolerated taint is reported', [gpu, evict], [{ key: 'gpu', operator: 'Exists' }], 'UnschedulableAndUnresolvable', ['node(s) had untolerated taint {dedicated: db}']],
    ['PreferNoSchedule taints never filter', [soft], undefined, 'Success', []],
    ['a taint without value prints an empty value', [{ key: 'k', effect: 'NoSchedule' }], undefined, 'UnschedulableAndUnresolvable', ['node(s) had untolerated taint {k: }']],
  ])('filter: %s', (_case, taints, tolerations, code, reasons) => {
    const status = plugin.filter(new CycleState(), PodInfo.of(makePod('p', { tolerations })), nodeInfo(makeNode('n', { taints })));
    expect([status.code, status.reasons]).toEqual([code, reasons]);
  });

  it.each<[string, Toleration[] | undefined, number[]]>([
    ['fewer intolerable PreferNoSchedule taints score higher, reversed and normalized', undefined, [100, 50, 0]],
    ['a PreferNoSchedule toleration leaves only the other taint', [{ key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }], [100, 100, 0]],
    ['a toleration without effect counts too', [{ key: 'spot', operator: 'Exists' }], [100, 100, 0]],
  ])('score: %s', (_case, tolerations, expected) => {
    const nodes = [
      nodeInfo(makeNode('clean')),
      nodeInfo(makeNode('one', { taints: [soft] })),
      nodeInfo(makeNode('two', { taints: [soft, { key: 'old', effect: 'PreferNoSchedule' }] })),
    ];
    const state = new CycleState();
    const pod = PodInfo.of(makePod('p', { tolerations }));
    plugin.preScore(state, pod);
    const scores = nodes.map((n) => plugin.score(state, pod, n));
    plugin.normalizeScore(state, pod, nodes, scores);
    expect(scores).toEqual(expected);
  });
});
