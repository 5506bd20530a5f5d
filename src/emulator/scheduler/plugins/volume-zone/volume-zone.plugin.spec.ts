import { listObjects, type Node } from '../../../kube/index.js';
import type { Volume } from '../../../kube/index.js';
import { ERR_REASON_ZONE_CONFLICT } from '../../../storage/volume-zone-filter.js';
import { claim, disk, node, pod, StorageLab, volume } from '../../../storage/testing/fixtures.js';
import { ClusterSnapshot } from '../../cluster-snapshot.js';
import { CycleState } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { VolumeZonePlugin } from './volume-zone.plugin.js';

const plugin = new VolumeZonePlugin();
const SEED = 'disk-echj2drf';
const inline: Volume = { name: 'test', qcloudCbs: { cbsDiskId: SEED, fsType: 'ext4' } };
const claimed: Volume = { name: 'data', persistentVolumeClaim: { claimName: 'data' } };

describe('VolumeZone', () => {
  it.each<[string, Volume[], string, string, string[]]>([
    ['skips a pod without CBS volumes', [{ name: 'cache', emptyDir: {} }], '172.0.0.2', 'Skip', []],
    ["passes an inline disk on a node of the disk's zone", [inline], '172.0.0.2', 'Success', []],
    ["rejects an inline disk on a node of another zone", [inline], '172.0.1.2', 'UnschedulableAndUnresolvable', [ERR_REASON_ZONE_CONFLICT]],
    ["passes a bound claim's volume on a node of its zone", [claimed], '172.0.0.2', 'Success', []],
    ["rejects a bound claim's volume on a node of another zone", [claimed], '172.0.1.2', 'UnschedulableAndUnresolvable', [ERR_REASON_ZONE_CONFLICT]],
  ])('%s', (_case, volumes, nodeName, code, reasons) => {
    const lab = new StorageLab().add(node('172.0.0.2'), node('172.0.1.2', 'ap-guangzhou-4'), volume('pv-1', '10Gi'), claim('data', { className: '' }));
    lab.settleVolumes();
    lab.disks.set(SEED, disk(SEED));
    const snapshot = ClusterSnapshot.of(listObjects<Node>(lab.store, "Node"));
    snapshot.volumes = { store: lab.store, disks: lab.disks };
    const state = new CycleState();
    const p = PodInfo.of(pod('nginx', volumes));
    const pre = plugin.preFilter(state, p, snapshot);
    const status = pre.code === 'Success' ? plugin.filter(state, p, snapshot.get(nodeName)!) : pre;
    expect([status.code, status.reasons]).toEqual([code, reasons]);
  });
});
