import { listObjects, type Node } from '../../../kube/index.js';
import type { Pod, Volume } from '../../../kube/index.js';
import { ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT, ERR_UNBOUND_IMMEDIATE } from '../../../storage/volume-binding-filter.js';
import { claim, node, pod, storageClass, StorageLab, volume } from '../../../storage/testing/fixtures.js';
import { ClusterSnapshot } from '../../cluster-snapshot.js';
import { CycleState, Status } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { VolumeBindingPlugin } from './volume-binding.plugin.js';

const plugin = new VolumeBindingPlugin();
const claimVolume = (name: string): Volume => ({ name, persistentVolumeClaim: { claimName: name } });

/** run is PreFilter then, unless it decided, Filter on the node: the plugin's verdict as the framework sees it. */
function run(lab: StorageLab, p: Pod, nodeName: string): [string, readonly string[]] {
  const snapshot = ClusterSnapshot.of(listObjects<Node>(lab.store, "Node"));
  snapshot.volumes = { store: lab.store, disks: lab.disks };
  const state = new CycleState();
  const pre = plugin.preFilter(state, PodInfo.of(p), snapshot);
  if (pre.code !== 'Success') return [pre.code, pre.reasons];
  const status: Status = plugin.filter(state, PodInfo.of(p), snapshot.get(nodeName)!);
  return [status.code, status.reasons];
}

describe('VolumeBinding', () => {
  it.each<[string, (lab: StorageLab) => void, Volume[], string, string, string[]]>([
    ['skips a pod without claims', () => {}, [{ name: 'cache', emptyDir: {} }], '172.0.0.2', 'Skip', []],
    ['rejects a missing claim', () => {}, [claimVolume('data')], '172.0.0.2', 'UnschedulableAndUnresolvable', ['persistentvolumeclaim "data" not found']],
    ['rejects an unbound claim of an Immediate class', (l) => l.add(storageClass(), claim('data', { className: 'cbs' })), [claimVolume('data')], '172.0.0.2', 'UnschedulableAndUnresolvable', [ERR_UNBOUND_IMMEDIATE]],
    ['passes a claim bound to a volume of the node\'s zone', (l) => { l.add(volume('pv-1', '10Gi', { zone: 'ap-guangzhou-3' }), claim('data', { className: '' })); l.settleVolumes(); }, [claimVolume('data')], '172.0.0.2', 'Success', []],
    ['rejects a node outside the bound volume\'s zone', (l) => { l.add(volume('pv-1', '10Gi', { zone: 'ap-guangzhou-3' }), claim('data', { className: '' })); l.settleVolumes(); }, [claimVolume('data')], '172.0.1.2', 'UnschedulableAndUnresolvable', [ERR_REASON_NODE_CONFLICT]],
    ['passes a waiting claim its class can provision on the node', (l) => l.add(storageClass('late', { volumeBindingMode: 'WaitForFirstConsumer' }), claim('data', { className: 'late' })), [claimVolume('data')], '172.0.0.2', 'Success', []],
    ['rejects a waiting claim whose class allows no topology of the node', (l) => l.add(storageClass('late', { volumeBindingMode: 'WaitForFirstConsumer', allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['ap-guangzhou-3'] }] }] }), claim('data', { className: 'late' })), [claimVolume('data')], '172.0.1.2', 'UnschedulableAndUnresolvable', [ERR_REASON_BIND_CONFLICT]],
  ])('%s', (_case, setup, volumes, nodeName, code, reasons) => {
    const lab = new StorageLab().add(node('172.0.0.2'), node('172.0.1.2', 'ap-guangzhou-4'));
    setup(lab);
    expect(run(lab, pod('mongo-0', volumes), nodeName)).toEqual([code, reasons]);
  });

  it('skips every pod when the snapshot carries no volume context (plain scheduler runs)', () => {
    const state = new CycleState();
    expect(plugin.preFilter(state, PodInfo.of(pod('p', [claimVolume('data')])), ClusterSnapshot.of([]))).toBe(Status.skip);
  });
});
