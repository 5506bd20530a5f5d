import type { Pod } from '../kube/index.js';
import { ANN_SELECTED_NODE } from './binding.js';
import { podClaims, selectedNodeActions, volumeBindingFits, ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT, ERR_UNBOUND_IMMEDIATE, type PodClaims } from './volume-binding-filter.js';
import { cbsVolumeLimitFits, ERR_REASON_MAX_VOLUME_COUNT } from './volume-limits-filter.js';
import { ERR_REASON_ZONE_CONFLICT, volumeZoneFits } from './volume-zone-filter.js';
import { claim, disk, node, pod, storageClass, StorageLab, volume } from './testing/fixtures.js';

const withClaim = (name = 'data'): Pod => pod('mongo-0', [{ name: 'data', persistentVolumeClaim: { claimName: name } }]);
const inline = (diskId: string, nodeName?: string): Pod => pod(`p-${diskId}`, [{ name: 'test', qcloudCbs: { cbsDiskId: diskId } }], nodeName);
const GZ3 = node('172.0.0.2');
const GZ4 = node('172.0.1.2', 'ap-guangzhou-4');

/** boundLab has claim `data` bound to a CBS volume in ap-guangzhou-3. */
function boundLab(): StorageLab {
  const lab = new StorageLab().add(GZ3, storageClass(), claim('data', { className: 'cbs' }));
  lab.settleVolumes();
  return lab;
}

describe('VolumeBinding helpers', () => {
  it.each<[string, () => StorageLab, string, string[]]>([
    ['a claim that does not exist', () => new StorageLab(), 'UnschedulableAndUnresolvable', ['persistentvolumeclaim "data" not found']],
    ['an unbound claim of an Immediate class', () => new StorageLab().add(claim('data', { className: 'gold' })), 'UnschedulableAndUnresolvable', [ERR_UNBOUND_IMMEDIATE]],
  ])('PreFilter rejects %s', (_case, make, code, reasons) => {
    const status = podClaims(withClaim(), make().store);
    expect(status).toMatchObject({ code, reasons });
  });

  it('PreFilter skips a pod without claims', () => {
    expect(podClaims(inline('disk-echj2drf'), new StorageLab().store)).toMatchObject({ code: 'Skip' });
  });

  it.each<[string, ReturnType<typeof node>, string, string[]]>([
    ["a node in the bound volume's zone", GZ3, 'Success', []],
    ['a node in another zone', GZ4, 'UnschedulableAndUnresolvable', [ERR_REASON_NODE_CONFLICT]],
  ])('Filter for a bound claim: %s', (_case, n, code, reasons) => {
    const lab = boundLab();
    const claims = podClaims(withClaim(), lab.store) as PodClaims;
    expect(volumeBindingFits(claims, n, lab.store)).toMatchObject({ code, reasons });
  });

  it.each<[string, object, ReturnType<typeof node>, string]>([
    ['any node for a class without topology', {}, GZ4, 'Success'],
    ['a node in an allowed zone', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['ap-guangzhou-3'] }] }] }, GZ3, 'Success'],
    ['no node outside the allowed zones', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['ap-guangzhou-3'] }] }] }, GZ4, 'UnschedulableAndUnresolvable'],
  ])('Filter for a claim waiting for its consumer accepts %s', (_case, extra, n, code) => {
    const lab = new StorageLab().add(storageClass('cbs', { volumeBindingMode: 'WaitForFirstConsumer', ...extra }), claim('data', { className: 'cbs' }));
    const claims = podClaims(withClaim(), lab.store) as PodClaims;
    const status = volumeBindingFits(claims, n, lab.store);
    expect(status.code).toBe(code);
    if (code !== 'Success') expect(status.reasons).toEqual([ERR_REASON_BIND_CONFLICT]);
  });

  it('a waiting claim fits a node a static volume reaches, and PreBind names the node', () => {
    const lab = new StorageLab().add(storageClass('local', { provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer', allowedTopologies: [{ matchLabelExpressions: [{ key: 'kubernetes.io/hostname', values: ['none'] }] }] }));
    lab.add(volume('pv-gz4', '10Gi', { className: 'local', zone: 'ap-guangzhou-4' }), claim('data', { className: 'local' }));
    const claims = podClaims(withClaim(), lab.store) as PodClaims;
    expect(volumeBindingFits(claims, GZ4, lab.store).code).toBe('Success');
    expect(volumeBindingFits(claims, GZ3, lab.store).code).toBe('UnschedulableAndUnresolvable');
    const [update] = selectedNodeActions(claims, '172.0.1.2');
    expect(update.type === 'update' && update.object.metadata.annotations?.[ANN_SELECTED_NODE]).toBe('172.0.1.2');
  });
});

describe('VolumeZone helper', () => {
  it.each<[string, Pod, ReturnType<typeof node>, string]>([
    ['an inline disk on a node of its zone', inline('disk-echj2drf'), GZ3, 'Success'],
    ['an inline disk on a node of another zone', inline('disk-echj2drf'), GZ4, 'UnschedulableAndUnresolvable'],
    ['a bound volume on a node of its zone', withClaim(), GZ3, 'Success'],
    ['a bound volume on a node of another zone', withClaim(), GZ4, 'UnschedulableAndUnresolvable'],
    ['a node without zone labels', withClaim(), { ...GZ4, metadata: { name: 'bare' } }, 'Success'],
  ])('%s', (_case, p, n, code) => {
    const lab = boundLab();
    lab.disks.set('disk-echj2drf', disk('disk-echj2drf'));
    const status = volumeZoneFits(p, n, lab.store, lab.disks);
    expect(status.code).toBe(code);
    if (code !== 'Success') expect(status.reasons).toEqual([ERR_REASON_ZONE_CONFLICT]);
  });
});

describe('CBS attach limit helper', () => {
  const onNode = (n: number): Pod[] => Array.from({ length: n }, (_, i) => inline(`disk-${String(i).padStart(8, '0')}`, '172.0.0.2'));
  it.each<[string, Pod, Pod[], string]>([
    ['a pod without disks on a full node', pod('web', []), onNode(20), 'Success'],
    ['a 20th disk', inline('disk-echj2drf'), onNode(19), 'Success'],
    ['a 21st disk', inline('disk-echj2drf'), onNode(20), 'Unschedulable'],
    ['a disk the node already has', inline('disk-00000003'), onNode(20), 'Success'],
  ])('%s', (_case, p, pods, code) => {
    const status = cbsVolumeLimitFits(p, pods, new StorageLab().store);
    expect(status.code).toBe(code);
    if (code !== 'Success') expect(status.reasons).toEqual([ERR_REASON_MAX_VOLUME_COUNT]);
  });
});
