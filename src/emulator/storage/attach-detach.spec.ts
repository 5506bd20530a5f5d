import { getObject, type Node, type Pod } from '../kube/index.js';
import { attachedVolumeName } from './node-volumes.js';
import { attachSucceededEvents, reconcileAttachments } from './attach-detach.js';
import type { DiskView } from './cbs.js';
import { failedMountMessage, unreadyVolumes, volumesReady } from './pod-volumes.js';
import { disk, node, pod, StorageLab, volume, claim } from './testing/fixtures.js';

const SEED = 'disk-echj2drf';
const nginx = (name = 'nginx', nodeName: string | undefined = '172.0.0.2', diskId = SEED): Pod => pod(name, [{ name: 'test', qcloudCbs: { cbsDiskId: diskId, fsType: 'ext4' } }], nodeName);

/** lab holds the pods and disks; attached disks are the controller's own, listed in their node's status.volumesAttached. */
function lab(pods: Pod[], disks: DiskView[]): StorageLab {
  const l = new StorageLab().add(node('172.0.0.2'), node('172.0.0.3'), node('172.0.1.2', 'ap-guangzhou-4'), ...pods);
  for (const d of disks) l.disks.set(d.diskId, d);
  for (const d of disks.filter((x) => x.attachedTo)) {
    const n = getObject<Node>(l.store, 'Node', undefined, d.attachedTo!)!;
    n.status.volumesAttached = [...(n.status.volumesAttached ?? []), { name: attachedVolumeName(d.diskId), devicePath: '/dev/vdb' }];
  }
  return l;
}
const messages = (l: StorageLab) => reconcileAttachments(l).actions.flatMap((a) => (a.type === 'event' ? [[a.involved.name, a.note.reason, a.note.message]] : []));

describe('attach/detach controller', () => {
  it.each<[string, Pod[], DiskView[], object[], object[]]>([
    ["attaches the seed's disk to the nginx pod's node", [nginx()], [disk(SEED)], [{ diskId: SEED, nodeName: '172.0.0.2', disksOnNode: 0 }], []],
    ['does nothing once it is attached there', [nginx()], [disk(SEED, 'ATTACHED', '172.0.0.2')], [], []],
    ['does nothing while it attaches', [nginx()], [disk(SEED, 'ATTACHING', '172.0.0.2')], [], []],
    ['waits for an unscheduled pod', [nginx('nginx', '')], [disk(SEED)], [], []],
    ['detaches a disk no pod on its node uses', [], [disk(SEED, 'ATTACHED', '172.0.0.3')], [], [{ diskId: SEED, nodeName: '172.0.0.3' }]],
    ['keeps a disk a terminating pod still mounts', [{ ...nginx(), metadata: { name: 'nginx', namespace: 'default', deletionTimestamp: '2024-05-01T10:00:00.000Z' } }], [disk(SEED, 'ATTACHED', '172.0.0.2')], [], []],
    ['detaches the disk of a pod that finished', [{ ...nginx(), status: { phase: 'Succeeded' } }], [disk(SEED, 'ATTACHED', '172.0.0.2')], [], [{ diskId: SEED, nodeName: '172.0.0.2' }]],
    ['attaches to one node at a time when two want it', [nginx('a', '172.0.0.2'), nginx('b', '172.0.0.3')], [disk(SEED)], [{ diskId: SEED, nodeName: '172.0.0.2', disksOnNode: 0 }], []],
    ['counts the disks already on the node', [nginx()], [disk(SEED), disk('disk-00000001', 'ATTACHED', '172.0.0.2')], [{ diskId: SEED, nodeName: '172.0.0.2', disksOnNode: 1 }], [{ diskId: 'disk-00000001', nodeName: '172.0.0.2' }]],
  ])('%s', (_case, pods, disks, attach, detach) => {
    const work = reconcileAttachments(lab(pods, disks));
    expect(work.attach).toEqual(attach);
    expect(work.detach).toEqual(detach);
  });

  it.each<[string, Pod[], DiskView[], string]>([
    ['attached to a node no pod uses it on', [nginx()], [disk(SEED, 'ATTACHED', '172.0.0.3')], 'Multi-Attach error for volume "test" Volume is already exclusively attached to one node and can\'t be attached to another'],
    ['used by a pod on another node', [nginx(), nginx('nginx-b', '172.0.0.3')], [disk(SEED, 'ATTACHED', '172.0.0.3')], 'Multi-Attach error for volume "test" Volume is already used by pod(s) nginx-b'],
    ['in another zone', [nginx('nginx', '172.0.1.2')], [disk(SEED)], 'AttachVolume.Attach failed for volume "test" : disk "disk-echj2drf" is in ap-guangzhou-3 but node 172.0.1.2 is in ap-guangzhou-4: a CBS disk attaches only to a CVM in its own zone'],
    ['unknown', [nginx()], [], 'AttachVolume.Attach failed for volume "test" : disk "disk-echj2drf" not found'],
  ])('warns FailedAttachVolume on the pod when the disk is %s', (_case, pods, disks, message) => {
    expect(messages(lab(pods, disks))[0]).toEqual(['nginx', 'FailedAttachVolume', message]);
  });

  it('leaves alone a disk a user attached through the CBS API (not in the node\'s volumesAttached)', () => {
    const l = new StorageLab().add(node('172.0.0.2'));
    l.disks.set(SEED, disk(SEED, 'ATTACHED', '172.0.0.2'));
    expect(reconcileAttachments(l).detach).toEqual([]);
  });

  it('detaches a disk it attached for a pod deleted while the disk was still attaching (never reported on the node)', () => {
    const l = new StorageLab().add(node('172.0.0.2'));
    l.disks.set(SEED, { ...disk(SEED, 'ATTACHED', '172.0.0.2'), managed: true });
    expect(reconcileAttachments(l).detach).toEqual([{ diskId: SEED, nodeName: '172.0.0.2' }]);
  });

  it('refuses a 21st disk on a CVM', () => {
    const full = Array.from({ length: 20 }, (_, i) => disk(`disk-${String(i).padStart(8, '0')}`, 'ATTACHED', '172.0.0.2'));
    const pods = [nginx(), ...full.map((d, i) => nginx(`p${i}`, '172.0.0.2', d.diskId))];
    const l = lab(pods, [disk(SEED), ...full]);
    expect(reconcileAttachments(l).attach).toEqual([]);
    expect(messages(l)[0][2]).toBe('AttachVolume.Attach failed for volume "test" : CVM 172.0.0.2 already has 20 CBS disks attached, the most one CVM takes is 20');
  });

  it("follows a claim to its PV's disk, naming the PV", () => {
    const l = lab([pod('mongo-0', [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }], '172.0.0.2')], [disk('disk-00000001', 'ATTACHED', '172.0.0.3')]);
    l.add(volume('pv-1', '10Gi', { diskId: 'disk-00000001' }), claim('data', { className: '' }));
    l.settleVolumes();
    expect(messages(l)[0][2]).toBe('Multi-Attach error for volume "pv-1" Volume is already exclusively attached to one node and can\'t be attached to another');
  });
});

describe('volumesReady', () => {
  it.each<[string, DiskView[], boolean, string[]]>([
    ['attached to its node', [disk(SEED, 'ATTACHED', '172.0.0.2')], true, []],
    ['growing while attached', [disk(SEED, 'EXPANDING', '172.0.0.2')], true, []],
    ['still attaching', [disk(SEED, 'ATTACHING', '172.0.0.2')], false, ['test']],
    ['attached elsewhere', [disk(SEED, 'ATTACHED', '172.0.0.3')], false, ['test']],
    ['unattached', [disk(SEED)], false, ['test']],
  ])('a pod whose disk is %s: %s', (_case, disks, ready, unready) => {
    const l = lab([], disks);
    expect(volumesReady(nginx(), l)).toBe(ready);
    expect(unreadyVolumes(nginx(), l)).toEqual(unready);
  });

  it('waits for an unbound claim, and words the kubelet\'s FailedMount', () => {
    const l = lab([], []).add(claim('data', { className: 'gold' }));
    expect(unreadyVolumes(pod('p', [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }], '172.0.0.2'), l)).toEqual(['data']);
    expect(failedMountMessage(['data'])).toBe('Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data], failed to process volumes=[]: timed out waiting for the condition');
  });
});

describe('attachSucceededEvents', () => {
  it('tells each pod on the node using the disk that it attached', () => {
    const l = lab([nginx(), nginx('elsewhere', '172.0.0.3'), nginx('other-disk', '172.0.0.2', 'disk-00000001')], []);
    expect(attachSucceededEvents(l, SEED, '172.0.0.2').map((a) => (a.type === 'event' ? [a.involved.name, a.note.reason, a.note.message] : []))).toEqual([
      ['nginx', 'SuccessfulAttachVolume', 'AttachVolume.Attach succeeded for volume "test"'],
    ]);
  });
});
