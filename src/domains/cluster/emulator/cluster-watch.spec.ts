import type { EventMetadata, StoredEvent } from '../../../platform/kernel/index.js';
import { ClusterWatch } from './cluster-watch.js';
import { leavesSchedulingAlone } from './scheduling-step.js';

let position = 0;
const stored = (type: string, data: Record<string, unknown>): StoredEvent =>
  ({ position: ++position, streamId: 'kube-c1', streamVersion: position, type, data: { clusterId: 'c1', ...data }, metadata: {} as EventMetadata }) as StoredEvent;

const template = (nodeName?: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', generateName: 'web-' }, spec: nodeName ? { nodeName } : {} });
const created = (nodeName?: string) => stored('ObjectsReconciled', { actions: [{ type: 'createPods', object: template(nodeName), names: ['web-a', 'web-b'] }] });

/** watching is a watch past its first take (which hands over everything), noting the given events. */
function watching(events: readonly StoredEvent[], ignores?: (event: StoredEvent) => boolean) {
  const watch = new ClusterWatch(ignores);
  watch.take('c1');
  for (const event of events) watch.observe('c1', event);
  return watch.take('c1');
}

describe('cluster watch', () => {
  it('given pods stamped unbound from a template, then no kubelet or scheduler cache is told of them', () => {
    expect([...watching([created()]).pods]).toEqual([]);
  });

  it('given pods stamped onto a node, then their keys are touched', () => {
    expect([...watching([created('n1')]).pods]).toEqual(['default/web-a', 'default/web-b']);
  });

  it('given a binding and a kubelet pass, when the scheduler watch looks, then it sees the binding but not the status update', () => {
    const events = [
      stored('PodsScheduled', { outcomes: [{ namespace: 'default', name: 'web-a', nodeName: 'n1' }], nextStartIndex: 1 }),
      stored('PodsAdvanced', { stage: 'pod-create', pods: [{ namespace: 'default', name: 'web-b' }] }),
    ];
    expect([...watching(events, leavesSchedulingAlone).pods]).toEqual(['default/web-a']);
    expect([...watching(events).pods]).toEqual(['default/web-a', 'default/web-b']);
  });
});

describe('leavesSchedulingAlone', () => {
  it.each([
    ['a kubelet pass that starts containers', true, stored('PodsAdvanced', { stage: 'pod-start' })],
    ['a kubelet pass that removes stopped pods', false, stored('PodsAdvanced', { stage: 'pod-stop' })],
    ['a kubelet pass of a stage this version does not know', false, stored('PodsAdvanced', { stage: 'pod-from-the-future' })],
    ['a binding', false, stored('PodsScheduled', { outcomes: [] })],
  ])('given %s, then the scheduler may skip it: %s', (_case, expected, event) => {
    expect(leavesSchedulingAlone(event)).toBe(expected);
  });
});
