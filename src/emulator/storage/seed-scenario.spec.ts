import { getObject, type Pod } from '../kube/index.js';
import { reconcileAttachments } from './attach-detach.js';
import { volumesReady } from './pod-volumes.js';
import { applyActions } from '../controllers/testing/apply-actions.js';
import { syncNodeVolumes, volumesAttachedOnNode } from './node-volumes.js';
import { claim, node, pod, storageClass, StorageLab } from './testing/fixtures.js';

/** The story end to end, with CBS operations completing at once: mongo's claims bound and attached, then mongo-1 moving nodes. */

const mongoPod = (ordinal: number, nodeName: string): Pod =>
  pod(`mongo-${ordinal}`, [{ name: 'mongo-persistent-storage', persistentVolumeClaim: { claimName: `mongo-persistent-storage-mongo-${ordinal}` } }], nodeName);

/** settleAttachments runs attach/detach passes, completing each requested operation as the disk decider's timers would. */
function settleAttachments(lab: StorageLab): void {
  for (let i = 0; i < 10; i++) {
    const work = reconcileAttachments(lab);
    if (work.attach.length + work.detach.length === 0) return;
    for (const a of work.attach) lab.disks.set(a.diskId, { ...lab.disks.get(a.diskId)!, state: 'ATTACHED', attachedTo: a.nodeName });
    for (const d of work.detach) {
      const { attachedTo: _gone, ...rest } = lab.disks.get(d.diskId)!;
      lab.disks.set(d.diskId, { ...rest, state: 'UNATTACHED' });
    }
    applyActions(lab.store, syncNodeVolumes(lab.store, lab.disks).actions, lab.now);
  }
}

describe("the seed's MongoDB StatefulSet on CBS", () => {
  it('binds 3 claims to 3 new 10 GB disks, attaches each to its pod node, and moves mongo-1 with its disk', () => {
    const lab = new StorageLab().add(node('172.0.0.2'), node('172.0.0.3'), node('172.0.0.4'), storageClass());
    for (const i of [0, 1, 2]) lab.add(claim(`mongo-persistent-storage-mongo-${i}`, { betaClass: 'cbs' }));
    lab.settleVolumes();
    expect([...lab.disks.values()].map((d) => [d.type, d.size, d.state])).toEqual(Array(3).fill(['CLOUD_BASIC', 10, 'UNATTACHED']));
    lab.add(mongoPod(0, '172.0.0.2'), mongoPod(1, '172.0.0.3'), mongoPod(2, '172.0.0.4'));
    settleAttachments(lab);
    const diskOf = (i: number): string => {
      const pv = lab.claim(`mongo-persistent-storage-mongo-${i}`).spec.volumeName!;
      return (lab.volume(pv)!.spec.qcloudCbs as { cbsDiskId: string }).cbsDiskId;
    };
    expect([0, 1, 2].map((i) => lab.disks.get(diskOf(i))?.attachedTo)).toEqual(['172.0.0.2', '172.0.0.3', '172.0.0.4']);
    expect(lab.pods().every((p) => volumesReady(p, lab))).toBe(true);
    expect(lab.pods().every((p) => volumesAttachedOnNode(p, lab.store))).toBe(true);

    const moved = diskOf(1);
    lab.remove('Pod', 'default', 'mongo-1');
    lab.add(mongoPod(1, '172.0.0.2'));
    expect(volumesReady(getObject<Pod>(lab.store, 'Pod', 'default', 'mongo-1')!, lab)).toBe(false);
    settleAttachments(lab);
    expect(diskOf(1)).toBe(moved);
    expect(lab.disks.get(moved)?.attachedTo).toBe('172.0.0.2');
    expect(volumesReady(getObject<Pod>(lab.store, 'Pod', 'default', 'mongo-1')!, lab)).toBe(true);
  });
});
