import { ClusterSnapshot } from './cluster-snapshot.js';
import { PodInfo } from './pod-info.js';
import { makeNode, makePod } from './testing/fixtures.js';

const zoned = (name: string, zone?: string) => makeNode(name, { labels: zone ? { 'topology.kubernetes.io/zone': zone } : {} });

describe('ClusterSnapshot', () => {
  it.each([
    ['interleaves zones one node at a time', [zoned('a1', 'a'), zoned('a2', 'a'), zoned('a3', 'a'), zoned('b1', 'b'), zoned('c1', 'c'), zoned('b2', 'b')], ['a1', 'b1', 'c1', 'a2', 'b2', 'a3']],
    ['puts nodes without zone labels in a zone of their own', [zoned('x1'), zoned('a1', 'a'), zoned('x2')], ['x1', 'a1', 'x2']],
  ])('%s, as kube-scheduler lists its node tree', (_case, nodes, order) => {
    expect(ClusterSnapshot.of(nodes).nodes.map((n) => n.name)).toEqual(order);
  });

  it('sums requests incrementally and forgets pods', () => {
    const s = ClusterSnapshot.of([makeNode('n')], [makePod('a', { cpu: '1', memory: '1Gi', nodeName: 'n' })]);
    s.assume(PodInfo.of(makePod('b', { cpu: '500m' })), 'n');
    const node = s.get('n')!;
    expect([node.podCount, node.requestedMilliCPU, node.requestedMemory, node.nonZeroRequestedMemory]).toEqual([2, 1500, 2 ** 30, 2 ** 30 + 200 * 2 ** 20]);
    expect(s.removePod('default/a')).toBe(true);
    expect([node.podCount, node.requestedMilliCPU, node.requestedMemory]).toEqual([1, 500, 0]);
    expect(s.removePod('default/a')).toBe(false);
  });

  it('leaves out pods that have finished, which hold no resources', () => {
    const done = (phase: 'Succeeded' | 'Failed' | 'Running', name: string) => ({ ...makePod(name, { cpu: '1', nodeName: 'n' }), status: { phase } });
    const s = ClusterSnapshot.of([makeNode('n')], [done('Succeeded', 'a'), done('Failed', 'b'), done('Running', 'c'), makePod('pending', { cpu: '1' })]);
    expect(s.get('n')!.pods.map((p) => p.name)).toEqual(['c']);
  });

  it('refuses a pod for an unknown node or twice', () => {
    const s = ClusterSnapshot.of([makeNode('n')]);
    expect(() => s.addPod(PodInfo.of(makePod('a', { nodeName: 'm' })))).toThrow('pod default/a: node "m" is not in the snapshot');
    s.addPod(PodInfo.of(makePod('a', { nodeName: 'n' })));
    expect(() => s.addPod(PodInfo.of(makePod('a', { nodeName: 'n' })))).toThrow('pod default/a is already on node n');
  });

  it('replaces a node in place, keeping its pods, and detaches the old NodeInfo', () => {
    const s = ClusterSnapshot.of([zoned('a1', 'a'), zoned('b1', 'b')], [makePod('p', { cpu: '1', nodeName: 'a1' })]);
    const old = s.get('a1')!;
    s.addNode(makeNode('a1', { cpu: '8', labels: { 'topology.kubernetes.io/zone': 'a' } }));
    s.addNode(makeNode('c1'));
    const now = s.get('a1')!;
    expect([now.allocatableMilliCPU, now.requestedMilliCPU, now.pods.length]).toEqual([8000, 1000, 1]);
    expect(old.allocatableMilliCPU).toBe(4000);
    expect(s.nodes.map((n) => n.name)).toEqual(['a1', 'b1', 'c1']);
    expect(s.nodeOf('default/p')).toBe(now);
  });

  it('removes a node with its pods', () => {
    const s = ClusterSnapshot.of([makeNode('n'), makeNode('m')], [makePod('p', { nodeName: 'n' })]);
    expect(s.removeNode('n')).toBe(true);
    expect([s.size, s.nodeOf('default/p')]).toEqual([1, undefined]);
  });
});
