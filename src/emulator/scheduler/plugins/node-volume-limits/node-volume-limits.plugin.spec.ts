import { listObjects, type Node } from '../../../kube/index.js';
import type { Pod } from '../../../kube/index.js';
import { ERR_REASON_MAX_VOLUME_COUNT } from '../../../storage/volume-limits-filter.js';
import { node, pod, StorageLab } from '../../../storage/testing/fixtures.js';
import { ClusterSnapshot } from '../../cluster-snapshot.js';
import { CycleState } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { NodeVolumeLimitsPlugin } from './node-volume-limits.plugin.js';

const plugin = new NodeVolumeLimitsPlugin();
const diskPod = (name: string, diskIds: string[], nodeName?: string): Pod =>
  pod(name, diskIds.map((id, i) => ({ name: `v${i}`, qcloudCbs: { cbsDiskId: id, fsType: 'ext4' } })), nodeName);
const ids = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `disk-${String(from + i).padStart(8, '0')}`);

describe('NodeVolumeLimits (CBS: 20 disks a CVM)', () => {
  it.each<[string, number, string[], string, string[]]>([
    ['skips a pod without CBS volumes', 20, [], 'Skip', []],
    ['fits a new disk on a node with 19', 19, ids(1, 100), 'Success', []],
    ['rejects a new disk on a node with 20', 20, ids(1, 100), 'Unschedulable', [ERR_REASON_MAX_VOLUME_COUNT]],
    ['fits a disk the node already mounts, even at 20', 20, ids(1, 0), 'Success', []],
    ['rejects two new disks on a node with 19', 19, ids(2, 100), 'Unschedulable', [ERR_REASON_MAX_VOLUME_COUNT]],
  ])('%s', (_case, onNode, wanted, code, reasons) => {
    const lab = new StorageLab().add(node('172.0.0.2'), ...ids(onNode).map((id, i) => diskPod(`p${i}`, [id], '172.0.0.2')));
    const snapshot = ClusterSnapshot.of(listObjects<Node>(lab.store, "Node"), lab.pods());
    snapshot.volumes = { store: lab.store, disks: lab.disks };
    const state = new CycleState();
    const p = PodInfo.of(wanted.length ? diskPod('new', wanted) : pod('new', []));
    const pre = plugin.preFilter(state, p, snapshot);
    const status = pre.code === 'Success' ? plugin.filter(state, p, snapshot.get('172.0.0.2')!) : pre;
    expect([status.code, status.reasons]).toEqual([code, reasons]);
  });
});
