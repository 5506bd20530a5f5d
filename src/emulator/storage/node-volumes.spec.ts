import { getObject, type Node } from '../kube/index.js';
import { attachedVolumeName, desiredVolumesAttached, podNeedsDisks, syncNodeVolumes, volumesAttachedOnNode } from './node-volumes.js';
import { claim, disk, node, pod, StorageLab, volume } from './testing/fixtures.js';

const SEED = 'disk-echj2drf';
const nginx = pod('nginx', [{ name: 'test', qcloudCbs: { cbsDiskId: SEED, fsType: 'ext4' } }], '172.0.0.2');

describe('node.status.volumesAttached', () => {
  it('lists a disk attached for a pod on the node, on the first free device', () => {
    const lab = new StorageLab().add(node('172.0.0.2'), nginx);
    lab.disks.set(SEED, disk(SEED, 'ATTACHED', '172.0.0.2'));
    const work = syncNodeVolumes(lab.store, lab.disks);
    expect(work.newlyAttached).toEqual([{ diskId: SEED, nodeName: '172.0.0.2' }]);
    expect(work.actions).toEqual([expect.objectContaining({ type: 'status', kind: 'Node', name: '172.0.0.2', status: expect.objectContaining({ volumesAttached: [{ name: `kubernetes.io/qcloud-cbs/${SEED}`, devicePath: '/dev/vdb' }] }) })]);
  });

  it.each<[string, string, boolean]>([
    ['while attaching', 'ATTACHING', false],
    ['once attached', 'ATTACHED', true],
    ['while growing', 'EXPANDING', true],
    ['while detaching', 'DETACHING', false],
  ])('reports a disk in use %s: %s', (_case, state, listed) => {
    const n = node('172.0.0.2');
    expect(desiredVolumesAttached(n, [disk(SEED, state as 'ATTACHED', '172.0.0.2')], new Set([SEED])).length > 0).toBe(listed);
  });

  it('keeps device paths of disks that stay, and gives a new one the lowest free device', () => {
    const n = node('172.0.0.2');
    n.status.volumesAttached = [{ name: attachedVolumeName('disk-00000002'), devicePath: '/dev/vdc' }];
    const disks = [disk('disk-00000001', 'ATTACHED', '172.0.0.2'), disk('disk-00000002', 'ATTACHED', '172.0.0.2')];
    expect(desiredVolumesAttached(n, disks, new Set(['disk-00000001'])).map((v) => v.devicePath)).toEqual(['/dev/vdc', '/dev/vdb']);
  });
});

describe("the kubelet's wait for attached volumes", () => {
  it('lets pods without CBS volumes through without looking at the node', () => {
    const plain = pod('web', [{ name: 'cache', emptyDir: {} }], '172.0.0.9');
    expect([podNeedsDisks(plain), volumesAttachedOnNode(plain, new StorageLab().store)]).toEqual([false, true]);
  });

  it('waits for an inline disk until its node lists it', () => {
    const lab = new StorageLab().add(node('172.0.0.2'), nginx);
    expect(volumesAttachedOnNode(nginx, lab.store)).toBe(false);
    getObject<Node>(lab.store, 'Node', undefined, '172.0.0.2')!.status.volumesAttached = [{ name: attachedVolumeName(SEED), devicePath: '/dev/vdb' }];
    expect(volumesAttachedOnNode(nginx, lab.store)).toBe(true);
  });

  it('waits for a claim until it is bound and its disk is listed', () => {
    const mongo = pod('mongo-0', [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }], '172.0.0.2');
    const lab = new StorageLab().add(node('172.0.0.2'), claim('data', { className: '' }), mongo);
    expect(volumesAttachedOnNode(mongo, lab.store)).toBe(false);
    lab.add(volume('pv-1', '10Gi', { diskId: 'disk-00000001' }));
    lab.settleVolumes();
    expect(volumesAttachedOnNode(mongo, lab.store)).toBe(false);
    getObject<Node>(lab.store, 'Node', undefined, '172.0.0.2')!.status.volumesAttached = [{ name: attachedVolumeName('disk-00000001'), devicePath: '/dev/vdb' }];
    expect(volumesAttachedOnNode(mongo, lab.store)).toBe(true);
  });
});
