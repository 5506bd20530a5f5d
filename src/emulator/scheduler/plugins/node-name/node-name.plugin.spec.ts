import { CycleState } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { makeNode, makePod, nodeInfo } from '../../testing/fixtures.js';
import { ERR_REASON_NODE_NAME, NodeNamePlugin } from './node-name.plugin.js';

describe('NodeName filter', () => {
  const plugin = new NodeNamePlugin();

  it.each([
    ['a pod naming no node fits any node', undefined, 'node-a', 'Success', []],
    ['a pod naming this node fits it', 'node-a', 'node-a', 'Success', []],
    ['a pod naming another node does not', 'node-b', 'node-a', 'UnschedulableAndUnresolvable', [ERR_REASON_NODE_NAME]],
  ])('%s', (_case, wanted, node, code, reasons) => {
    const status = plugin.filter(new CycleState(), PodInfo.of(makePod('p', { nodeName: wanted })), nodeInfo(makeNode(node)));
    expect(status.code).toBe(code);
    expect(status.reasons).toEqual(reasons);
  });
});
