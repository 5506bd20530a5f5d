import { ANNOTATION_DEFAULT_STORAGE_CLASS, listObjects, type PersistentVolume } from '../kube/index.js';
import { ANN_SELECTED_NODE } from './binding.js';
import { MSG_NO_CLASS, MSG_WAIT_FOR_CONSUMER } from './claim-sync.js';
import { claim, disk, node, storageClass, StorageLab, volume } from './testing/fixtures.js';

const eventsOf = (lab: StorageLab, name: string) => lab.events().filter((e) => e.involvedObject.name === name).map((e) => [e.type, e.reason, e.message]);

describe('persistent volume binder', () => {
  it("provisions the seed's mongo claim: a 10 GB CLOUD_BASIC disk in the node's zone, a PV bound both ways", () => {
    const lab = new StorageLab().add(node('172.0.0.2'), storageClass(), claim('mongo-persistent-storage-mongo-0', { betaClass: 'cbs' }));
    const [first] = lab.settleVolumes();
    const uid = lab.claim('mongo-persistent-storage-mongo-0').metadata.uid;
    expect(first.createDisks).toEqual([
      { diskId: expect.stringMatching(/^disk-[a-z0-9]{8}$/), diskType: 'CLOUD_BASIC', size: 10, zone: 'ap-guangzhou-3', volumeName: `pvc-${uid}`, claim: { namespace: 'default', name: 'mongo-persistent-storage-mongo-0', uid } },
    ]);
    const pv = lab.volume(`pvc-${uid}`)!;
    expect(pv.spec).toMatchObject({ capacity: { storage: '10Gi' }, storageClassName: 'cbs', persistentVolumeReclaimPolicy: 'Delete', claimRef: { name: 'mongo-persistent-storage-mongo-0', uid }, qcloudCbs: { cbsDiskId: first.createDisks[0].diskId, fsType: 'ext4' } });
    expect(pv.status?.phase).toBe('Bound');
    expect(lab.claim('mongo-persistent-storage-mongo-0')).toMatchObject({ spec: { volumeName: `pvc-${uid}` }, status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'] } });
    expect(eventsOf(lab, 'mongo-persistent-storage-mongo-0')).toEqual([['Normal', 'ProvisioningSucceeded', `Successfully provisioned volume pvc-${uid} using cloud.tencent.com/qcloud-cbs`]]);
  });

  it.each([
    ['premium, rounded up to its 50 GB minimum', { type: 'CLOUD_PREMIUM' }, '20Gi', 'CLOUD_PREMIUM', 50],
    ['SSD, rounded up to its 200 GB minimum', { type: 'CLOUD_SSD' }, '10Gi', 'CLOUD_SSD', 200],
    ['basic, rounded up to a step of 10', { type: 'CLOUD_BASIC' }, '11Gi', 'CLOUD_BASIC', 20],
    ['basic by default', {}, '1Gi', 'CLOUD_BASIC', 10],
  ])('sizes a %s', (_case, parameters, size, diskType, gb) => {
    const lab = new StorageLab().add(node('172.0.0.2'), storageClass('cbs', { parameters }), claim('data', { className: 'cbs', size }));
    expect(lab.settleVolumes()[0].createDisks[0]).toMatchObject({ diskType, size: gb });
  });

  it.each([
    ['ReadWriteMany', { modes: ['ReadWriteMany' as const] }, 'Failed to provision volume with StorageClass "cbs": invalid AccessModes [ReadWriteMany]: only AccessModes [ReadWriteOnce] are supported'],
    ['too big', { size: '5000Gi' }, 'Failed to provision volume with StorageClass "cbs": requested 5000Gi is more than a CLOUD_BASIC disk holds: CLOUD_BASIC disks are 10–4000 GB in steps of 10'],
  ])('refuses a %s claim with ProvisioningFailed, leaving it Pending', (_case, o, message) => {
    const lab = new StorageLab().add(node('172.0.0.2'), storageClass(), claim('data', { className: 'cbs', ...o }));
    lab.settleVolumes();
    expect(lab.claim('data').status?.phase).toBe('Pending');
    expect(eventsOf(lab, 'data')).toEqual([['Warning', 'ProvisioningFailed', message]]);
    expect(lab.disks.size).toBe(0);
  });

  it('leaves a claim without class Pending when there is no default class, as Kubernetes words it', () => {
    const lab = new StorageLab().add(storageClass('cbs', { isDefault: false }), claim('data'));
    lab.settleVolumes();
    expect(lab.claim('data').status?.phase).toBe('Pending');
    expect(eventsOf(lab, 'data')).toEqual([['Normal', 'FailedBinding', MSG_NO_CLASS]]);
  });

  it('gives a claim without class the default class (GA or beta mark), the newest one when several', () => {
    const ga = storageClass('fast', { isDefault: false, metadata: { name: 'fast', annotations: { [ANNOTATION_DEFAULT_STORAGE_CLASS]: 'true' } } });
    const lab = new StorageLab().add(storageClass('cbs'));
    lab.now = '2024-05-01T10:01:00.000Z';
    lab.add(ga, claim('data'));
    lab.pass();
    expect(lab.claim('data').spec.storageClassName).toBe('fast');
  });

  it('does not repeat a waiting event within the 15 s resync, and repeats it after', () => {
    const lab = new StorageLab().add(claim('data'));
    lab.pass();
    lab.now = '2024-05-01T10:00:10.000Z';
    expect(lab.pass().actions).toEqual([]);
    lab.now = '2024-05-01T10:00:16.000Z';
    expect(lab.pass().actions.map((a) => a.type)).toEqual(['event']);
  });

  it('waits for the first consumer, then provisions in the chosen node\'s zone', () => {
    const lab = new StorageLab().add(node('172.0.1.2', 'ap-guangzhou-4'), storageClass('cbs', { volumeBindingMode: 'WaitForFirstConsumer' }), claim('data', { className: 'cbs' }));
    lab.settleVolumes();
    expect(eventsOf(lab, 'data')).toEqual([['Normal', 'WaitForFirstConsumer', MSG_WAIT_FOR_CONSUMER]]);
    lab.write('PersistentVolumeClaim', 'default', 'data', (c) => (c.metadata.annotations = { [ANN_SELECTED_NODE]: '172.0.1.2' }));
    expect(lab.settleVolumes()[0].createDisks[0]).toMatchObject({ zone: 'ap-guangzhou-4' });
    expect(lab.claim('data').status?.phase).toBe('Bound');
  });

  it('waits for an external provisioner with its message', () => {
    const lab = new StorageLab().add(storageClass('nfs', { provisioner: 'example.com/nfs' }), claim('data', { className: 'nfs' }));
    lab.settleVolumes();
    expect(eventsOf(lab, 'data')[0][2]).toBe("Waiting for a volume to be created either by the external provisioner 'example.com/nfs' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.");
  });

  it('names a missing class', () => {
    const lab = new StorageLab().add(claim('data', { className: 'gold' }));
    lab.settleVolumes();
    expect(eventsOf(lab, 'data')).toEqual([['Warning', 'ProvisioningFailed', 'storageclass.storage.k8s.io "gold" not found']]);
  });

  it.each([
    ['the smallest volume that fits', claim('data', { className: '' }), 'pv-20'],
    ['by class', claim('data', { className: 'manual' }), 'pv-manual'],
    ['by access mode', claim('data', { className: '', modes: ['ReadOnlyMany'] }), 'pv-50'],
    ['none when too big', claim('data', { className: '', size: '100Gi' }), undefined],
    ['the volume the claim names', claim('data', { className: '', volumeName: 'pv-50' }), 'pv-50'],
  ])('binds a static volume: %s', (_case, c, expected) => {
    const lab = new StorageLab().add(
      volume('pv-5', '5Gi'),
      volume('pv-50', '50Gi', { modes: ['ReadWriteOnce', 'ReadOnlyMany'], diskId: 'disk-00000050' }),
      volume('pv-20', '20Gi', { diskId: 'disk-00000020' }),
      volume('pv-manual', '30Gi', { className: 'manual', diskId: 'disk-00000030' }),
      c,
    );
    lab.settleVolumes();
    expect(lab.claim('data').spec.volumeName).toBe(expected);
    const bound = listObjects<PersistentVolume>(lab.store, 'PersistentVolume').filter((v) => v.status?.phase === 'Bound');
    expect(bound.map((v) => [v.metadata.name, v.spec.claimRef?.name])).toEqual(expected ? [[expected, 'data']] : []);
    expect(listObjects<PersistentVolume>(lab.store, 'PersistentVolume').filter((v) => v.status?.phase === 'Available')).toHaveLength(expected ? 3 : 4);
  });

  describe('release and reclaim', () => {
    const bound = (policy: 'Retain' | 'Delete', state: 'UNATTACHED' | 'ATTACHED') => {
      const lab = new StorageLab().add(volume('pv-1', '10Gi', { policy, diskId: 'disk-00000001' }), claim('data', { className: '' }));
      lab.disks.set('disk-00000001', disk('disk-00000001', state, state === 'ATTACHED' ? '172.0.0.2' : undefined));
      lab.settleVolumes();
      lab.remove('PersistentVolumeClaim', 'default', 'data');
      return lab;
    };

    it('keeps a Retain volume Released, with its disk', () => {
      const lab = bound('Retain', 'UNATTACHED');
      lab.settleVolumes();
      expect(lab.volume('pv-1')?.status?.phase).toBe('Released');
      expect(lab.disks.has('disk-00000001')).toBe(true);
    });

    it('deletes a Delete volume and its detached disk', () => {
      const lab = bound('Delete', 'UNATTACHED');
      const passes = lab.settleVolumes();
      expect(passes.flatMap((p) => p.deleteDisks)).toEqual(['disk-00000001']);
      expect(lab.volume('pv-1')).toBeUndefined();
    });

    it('waits while the disk is still attached, then deletes', () => {
      const lab = bound('Delete', 'ATTACHED');
      lab.settleVolumes();
      expect(lab.volume('pv-1')?.status?.phase).toBe('Released');
      lab.disks.set('disk-00000001', disk('disk-00000001'));
      lab.settleVolumes();
      expect(lab.volume('pv-1')).toBeUndefined();
    });
  });

  it('marks a bound claim whose volume vanished Lost', () => {
    const lab = new StorageLab().add(volume('pv-1', '10Gi'), claim('data', { className: '' }));
    lab.settleVolumes();
    lab.remove('PersistentVolume', undefined, 'pv-1');
    lab.settleVolumes();
    expect(lab.claim('data').status?.phase).toBe('Lost');
    expect(eventsOf(lab, 'data').at(-1)).toEqual(['Warning', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!']);
  });
});
