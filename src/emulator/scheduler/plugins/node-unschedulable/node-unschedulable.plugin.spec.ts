import type { Toleration } from '../../../kube/index.js';
import { CycleState } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { makeNode, makePod, nodeInfo } from '../../testing/fixtures.js';
import { ERR_REASON_UNSCHEDULABLE, NodeUnschedulablePlugin } from './node-unschedulable.plugin.js';

const tolerateCordon: Toleration = { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' };

describe('NodeUnschedulable filter', () => {
  const plugin = new NodeUnschedulablePlugin();

  it.each([
    ['a schedulable node takes any pod', false, undefined, 'Success'],
    ['a cordoned node rejects a pod without tolerations', true, undefined, 'UnschedulableAndUnresolvable'],
    ['a cordoned node takes a pod tolerating node.kubernetes.io/unschedulable', true, [tolerateCordon], 'Success'],
    ['a toleration of everything covers the cordon', true, [{ operator: 'Exists' as const }], 'Success'],
    ['a NoExecute-only toleration does not', true, [{ ...tolerateCordon, effect: 'NoExecute' as const }], 'UnschedulableAndUnresolvable'],
  ])('%s', (_case, unschedulable, tolerations, code) => {
    const pod = PodInfo.of(makePod('p', { tolerations }));
    const status = plugin.filter(new CycleState(), pod, nodeInfo(makeNode('n', { unschedulable })));
    expect(status.code).toBe(code);
    expect(status.reasons).toEqual(code === 'Success' ? [] : [ERR_REASON_UNSCHEDULABLE]);
  });
});
