import type { StoredEvent } from '../../../platform/kernel/index.js';
import type { DiskEvent } from '../disk/disk.types.js';
import { disksProjection } from './disks.projection.js';

const T0 = '2017-06-01T00:00:00.000Z';
let position = 0;
const stored = (event: DiskEvent): StoredEvent =>
  ({ ...event, position: ++position, streamId: `disk-${event.data.diskId}`, streamVersion: position, metadata: { accountId: 'acme', virtualTime: T0 } }) as unknown as StoredEvent;

function fold(...events: DiskEvent[]) {
  const state = disksProjection.initialState();
  for (const e of events) disksProjection.apply(state, stored(e));
  return state.disks;
}

const created: DiskEvent = { type: 'DiskCreated', data: { accountId: 'acme', diskId: 'disk-echj2drf', size: 10, diskType: 'CLOUD_BASIC', zone: 'ap-guangzhou-3', createdAt: T0 } };

describe('disks projection', () => {
  it('keeps a disk attaching with the time its operation started, for the CBS timer', () => {
    const disks = fold(created, { type: 'DiskAttachStarted', data: { diskId: 'disk-echj2drf', nodeName: '172.0.0.2', at: T0, clusterId: 'cls-1' } });
    expect(disks['disk-echj2drf']).toMatchObject({ status: 'ATTACHING', attachedTo: '172.0.0.2', clusterId: 'cls-1', pendingSince: T0 });
  });

  it('forgets the pending time once the operation completes, and the node and cluster once detached', () => {
    const at = '2017-06-01T00:00:05.000Z';
    const disks = fold(
      created,
      { type: 'DiskAttachStarted', data: { diskId: 'disk-echj2drf', nodeName: '172.0.0.2', at: T0, clusterId: 'cls-1' } },
      { type: 'DiskAttached', data: { diskId: 'disk-echj2drf', nodeName: '172.0.0.2', at } },
    );
    expect(disks['disk-echj2drf'].pendingSince).toBeUndefined();
    const detached = fold(
      created,
      { type: 'DiskAttachStarted', data: { diskId: 'disk-echj2drf', nodeName: '172.0.0.2', at: T0, clusterId: 'cls-1' } },
      { type: 'DiskDetachStarted', data: { diskId: 'disk-echj2drf', nodeName: '172.0.0.2', at } },
      { type: 'DiskDetached', data: { diskId: 'disk-echj2drf', nodeName: '172.0.0.2', at } },
    )['disk-echj2drf'];
    expect([detached.status, detached.attachedTo, detached.clusterId]).toEqual(['UNATTACHED', undefined, undefined]);
  });

  it('drops a deleted disk', () => {
    expect(fold(created, { type: 'DiskDeleted', data: { diskId: 'disk-echj2drf', deletedAt: T0 } })).toEqual({});
  });
});
