import { deciderSpec } from '../../../platform/kernel/testing/decider-spec.js';
import { diskDecider } from './disk.decider.js';
import type { DiskCommand, DiskEvent } from './disk.types.js';

const spec = deciderSpec(diskDecider);
const at = '2017-06-01T00:00:00.000Z';
const base = { accountId: 'acme', diskId: 'disk-echj2drf', at };
const create = (o: Partial<{ size: number; diskType: string; zone: string; diskId: string }> = {}): DiskCommand => ({
  type: 'CreateDisk',
  data: { ...base, size: 50, diskType: 'CLOUD_BASIC', zone: 'ap-guangzhou-3', ...o },
});
const attach = (nodeName = '172.0.0.2', o: Partial<{ nodeZone: string; disksOnNode: number; accountId: string }> = {}): DiskCommand => ({
  type: 'AttachDisk',
  data: { ...base, nodeName, nodeZone: 'ap-guangzhou-3', disksOnNode: 0, ...o },
});
const detach: DiskCommand = { type: 'DetachDisk', data: base };
const resize = (size: number): DiskCommand => ({ type: 'ResizeDisk', data: { ...base, size } });
const remove: DiskCommand = { type: 'DeleteDisk', data: base };
const complete: DiskCommand = { type: 'CompleteDiskOperation', data: { diskId: base.diskId, at } };
const writes = (bytes: number): DiskCommand => ({ type: 'RecordDiskWrites', data: { ...base, bytes } });

const created: DiskEvent = {
  type: 'DiskCreated',
  data: { accountId: 'acme', diskId: 'disk-echj2drf', size: 50, diskType: 'CLOUD_BASIC', zone: 'ap-guangzhou-3', createdAt: at },
};
const node = (n = '172.0.0.2') => ({ diskId: 'disk-echj2drf', nodeName: n, at });
const attaching: DiskEvent[] = [created, { type: 'DiskAttachStarted', data: node() }];
const attached: DiskEvent[] = [...attaching, { type: 'DiskAttached', data: node() }];
const detaching: DiskEvent[] = [...attached, { type: 'DiskDetachStarted', data: node() }];
const detached: DiskEvent[] = [...detaching, { type: 'DiskDetached', data: node() }];
const deleted: DiskEvent[] = [created, { type: 'DiskDeleted', data: { diskId: 'disk-echj2drf', deletedAt: at } }];

describe('disk decider', () => {
  describe('CreateDisk', () => {
    it("creates the seed's disk-echj2drf, unattached", () => {
      spec.given([]).when(create()).then([created]);
      spec.given([]).when(create()).thenState((disk) => expect(disk).toMatchObject({ status: 'UNATTACHED', id: 'disk-echj2drf', usedBytes: 0 }));
    });

    it('refuses an id that is taken, even by a deleted disk', () => {
      spec.given([created]).when(create()).thenRejects('CONFLICT', 'diskId', 'disks "disk-echj2drf" already exists');
      spec.given(deleted).when(create()).thenRejects('CONFLICT', 'diskId');
    });

    it.each(['disk-ECHJ2DRF', 'disk-abc', 'vol-echj2drf', ''])('refuses the malformed id %j', (diskId) => {
      spec.given([]).when(create({ diskId })).thenRejects('BAD_USER_INPUT', 'diskId', /must be "disk-" followed by 8 lowercase letters or digits/);
    });

    it.each([
      ['CLOUD_BASIC', 5, 'size: Invalid value: 5: CLOUD_BASIC disks are 10–4000 GB in steps of 10'],
      ['CLOUD_BASIC', 15, 'size: Invalid value: 15: CLOUD_BASIC disks are 10–4000 GB in steps of 10'],
      ['CLOUD_BASIC', 4010, 'size: Invalid value: 4010: CLOUD_BASIC disks are 10–4000 GB in steps of 10'],
      ['CLOUD_PREMIUM', 40, 'size: Invalid value: 40: CLOUD_PREMIUM disks are 50–16000 GB'],
      ['CLOUD_PREMIUM', 16001, 'size: Invalid value: 16001: CLOUD_PREMIUM disks are 50–16000 GB'],
      ['CLOUD_SSD', 100, 'size: Invalid value: 100: CLOUD_SSD disks are 200–16000 GB'],
      ['CLOUD_SSD', 200.5, 'size: Invalid value: 200.5: CLOUD_SSD disks are 200–16000 GB'],
    ])('refuses a %s disk of %s GB', (diskType, size, message) => {
      spec.given([]).when(create({ diskType, size })).thenRejects('BAD_USER_INPUT', 'size', message);
    });

    it.each([
      ['CLOUD_BASIC', 10],
      ['CLOUD_BASIC', 4000],
      ['CLOUD_PREMIUM', 55],
      ['CLOUD_SSD', 200],
      ['CLOUD_SSD', 16000],
    ])('accepts a %s disk of %s GB', (diskType, size) => {
      spec.given([]).when(create({ diskType, size })).thenState((disk) => expect(disk).toMatchObject({ type: diskType, size }));
    });

    it('refuses an unknown type, listing the three', () => {
      spec.given([]).when(create({ diskType: 'CLOUD_HSSD' })).thenRejects('BAD_USER_INPUT', 'type', 'type: Unsupported value: "CLOUD_HSSD": supported values: "CLOUD_BASIC", "CLOUD_PREMIUM", "CLOUD_SSD"');
    });

    it('refuses a disk without a zone', () => {
      spec.given([]).when(create({ zone: '' })).thenRejects('BAD_USER_INPUT', 'zone');
    });
  });

  describe('AttachDisk', () => {
    it('starts attaching to a CVM of its zone; completion attaches it', () => {
      spec.given([created]).when(attach()).then([{ type: 'DiskAttachStarted', data: node() }]);
      spec.given(attaching).when(complete).then([{ type: 'DiskAttached', data: node() }]);
      spec.given(attached).when(complete).then([]);
      spec.given(attached).when(detach).thenState((disk) => expect(disk).toMatchObject({ status: 'DETACHING', attachedTo: '172.0.0.2' }));
    });

    it('changes nothing when asked again for the CVM it is on or going to', () => {
      spec.given(attaching).when(attach()).then([]);
      spec.given(attached).when(attach()).then([]);
    });

    it('refuses a second CVM while attached, attaching or detaching', () => {
      const message = 'disk "disk-echj2drf" is already attached to 172.0.0.2: a CBS disk attaches to one CVM at a time, detach it first';
      for (const history of [attaching, attached, detaching]) spec.given(history).when(attach('172.0.0.3')).thenRejects('FAILED_PRECONDITION', 'diskId', message);
    });

    it('refuses a CVM in another zone', () => {
      spec
        .given([created])
        .when(attach('172.0.0.9', { nodeZone: 'ap-guangzhou-4' }))
        .thenRejects('BAD_USER_INPUT', 'nodeName', /the CVM is in ap-guangzhou-4 but disk "disk-echj2drf" is in ap-guangzhou-3/);
    });

    it('refuses a CVM that already has 20 disks, and accepts the 20th', () => {
      spec.given([created]).when(attach('172.0.0.2', { disksOnNode: 20 })).thenRejects('QUOTA_EXCEEDED', 'nodeName', /already has 20 CBS disks attached, the most one CVM takes is 20/);
      spec.given([created]).when(attach('172.0.0.2', { disksOnNode: 19 })).then([{ type: 'DiskAttachStarted', data: node() }]);
    });

    it("answers NOT_FOUND for a missing, deleted or other account's disk", () => {
      spec.given([]).when(attach()).thenRejects('NOT_FOUND', 'diskId', 'disks "disk-echj2drf" not found');
      spec.given(deleted).when(attach()).thenRejects('NOT_FOUND', 'diskId');
      spec.given([created]).when(attach('172.0.0.2', { accountId: 'mallory' })).thenRejects('NOT_FOUND', 'diskId');
    });
  });

  describe('DetachDisk', () => {
    it('detaches in two steps, leaving it free for another CVM', () => {
      spec.given(attached).when(detach).then([{ type: 'DiskDetachStarted', data: node() }]);
      spec.given(detaching).when(complete).then([{ type: 'DiskDetached', data: node() }]);
      spec.given(detached).when(attach('172.0.0.3')).then([{ type: 'DiskAttachStarted', data: node('172.0.0.3') }]);
    });

    it('refuses an unattached disk, and a busy one', () => {
      spec.given([created]).when(detach).thenRejects('FAILED_PRECONDITION', 'diskId', 'disk "disk-echj2drf" is not attached to any CVM');
      spec.given(attaching).when(detach).thenRejects('FAILED_PRECONDITION', 'diskId', 'disk "disk-echj2drf" is ATTACHING: wait until the current operation completes');
    });
  });

  describe('ResizeDisk', () => {
    it('grows an attached disk, which stays attached', () => {
      const started: DiskEvent = { type: 'DiskResizeStarted', data: { diskId: 'disk-echj2drf', fromSize: 50, toSize: 100, at } };
      spec.given(attached).when(resize(100)).then([started]);
      spec.given([...attached, started]).when(complete).then([{ type: 'DiskResized', data: { diskId: 'disk-echj2drf', size: 100, at } }]);
      spec
        .given([...attached, started, { type: 'DiskResized', data: { diskId: 'disk-echj2drf', size: 100, at } }])
        .when(detach)
        .thenState((disk) => expect(disk).toMatchObject({ size: 100, status: 'DETACHING' }));
    });

    it.each([
      [50, /size: Invalid value: 50: must be larger than the disk's current 50 GB: CBS disks only grow/],
      [40, /CBS disks only grow/],
      [55, 'size: Invalid value: 55: CLOUD_BASIC disks are 10–4000 GB in steps of 10'],
    ])('refuses %s GB', (size, message) => {
      spec.given([created]).when(resize(size)).thenRejects('BAD_USER_INPUT', 'size', message);
    });
  });

  describe('DeleteDisk', () => {
    it('deletes a detached disk', () => {
      spec.given(detached).when(remove).then([{ type: 'DiskDeleted', data: { diskId: 'disk-echj2drf', deletedAt: at } }]);
    });

    it('refuses an attached disk, naming its CVM', () => {
      spec.given(attached).when(remove).thenRejects('FAILED_PRECONDITION', 'diskId', 'disk "disk-echj2drf" is attached to 172.0.0.2: detach it before deleting it');
    });

    it('answers NOT_FOUND once deleted', () => {
      spec.given(deleted).when(remove).thenRejects('NOT_FOUND', 'diskId');
    });
  });

  describe('RecordDiskWrites', () => {
    it('grows used bytes, never past the disk size', () => {
      spec.given([created]).when(writes(4096)).then([{ type: 'DiskWritesRecorded', data: { diskId: 'disk-echj2drf', usedBytes: 4096, at } }]);
      spec.given([created]).when(writes(60 * 2 ** 30)).thenState((disk) => expect(disk.usedBytes).toBe(50 * 2 ** 30));
      spec.given([created]).when(writes(0)).then([]);
      spec.given([created]).when(writes(-1)).thenRejects('BAD_USER_INPUT', 'bytes');
    });
  });
});
