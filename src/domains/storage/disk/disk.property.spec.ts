import fc from 'fast-check';
import { MAX_DISKS_PER_CVM } from '../../../emulator/storage/index.js';
import { DomainError } from '../../../platform/kernel/index.js';
import { diskDecider } from './disk.decider.js';
import type { Disk, DiskCommand, DiskEvent } from './disk.types.js';

const at = '2017-06-01T00:00:00.000Z';
const DISKS = Array.from({ length: 24 }, (_, i) => `disk-${String(i).padStart(8, '0')}`);
const NODES = ['172.0.0.2', '172.0.0.3', '172.0.0.4'];
const ZONE = (node: string): string => (node === '172.0.0.4' ? 'ap-guangzhou-4' : 'ap-guangzhou-3');

type Step = { op: 'attach' | 'detach' | 'delete' | 'complete' | 'create'; disk: number; node: number };
const step = fc.record({
  op: fc.constantFrom<Step['op']>('attach', 'attach', 'detach', 'delete', 'complete', 'complete', 'create'),
  disk: fc.nat(DISKS.length - 1),
  node: fc.nat(NODES.length - 1),
});

/** World is every disk's stream, as the storage domain would hold them, with the count per CVM a handler passes in. */
class World {
  readonly streams = new Map<string, DiskEvent[]>();
  readonly states = new Map<string, Disk>();

  constructor() {
    for (const diskId of DISKS) this.run(diskId, { type: 'CreateDisk', data: { accountId: 'acme', diskId, size: 10, diskType: 'CLOUD_BASIC', zone: 'ap-guangzhou-3', at } });
  }

  state(diskId: string): Disk {
    return this.states.get(diskId) ?? diskDecider.initialState;
  }

  disksOn(nodeName: string): number {
    return [...this.states.values()].filter((d) => d.attachedTo === nodeName).length;
  }

  command({ op, disk, node }: Step): DiskCommand {
    const diskId = DISKS[disk];
    const nodeName = NODES[node];
    const base = { accountId: 'acme', diskId, at };
    if (op === 'attach') return { type: 'AttachDisk', data: { ...base, nodeName, nodeZone: ZONE(nodeName), disksOnNode: this.disksOn(nodeName) } };
    if (op === 'detach') return { type: 'DetachDisk', data: base };
    if (op === 'delete') return { type: 'DeleteDisk', data: base };
    if (op === 'create') return { type: 'CreateDisk', data: { ...base, size: 10, diskType: 'CLOUD_BASIC', zone: 'ap-guangzhou-3' } };
    return { type: 'CompleteDiskOperation', data: { diskId, at } };
  }

  run(diskId: string, command: DiskCommand): void {
    let events: DiskEvent[];
    try {
      events = diskDecider.decide(command, this.state(diskId));
    } catch (error) {
      if (error instanceof DomainError) return;
      throw error;
    }
    this.streams.set(diskId, [...(this.streams.get(diskId) ?? []), ...events]);
    this.states.set(diskId, events.reduce(diskDecider.evolve, this.state(diskId)));
  }
}

/** holder replays a disk's stream and fails if it is ever claimed by a second CVM before the first let go. */
function checkStream(events: readonly DiskEvent[]): void {
  let holder: string | undefined;
  for (const event of events) {
    if (event.type === 'DiskAttachStarted') {
      expect(holder).toBeUndefined();
      holder = event.data.nodeName;
    }
    if (event.type === 'DiskAttached' || event.type === 'DiskDetachStarted') expect(event.data.nodeName).toBe(holder);
    if (event.type === 'DiskDetached') {
      expect(event.data.nodeName).toBe(holder);
      holder = undefined;
    }
    if (event.type === 'DiskDeleted') expect(holder).toBeUndefined();
  }
}

describe('disk decider properties', () => {
  it('after any sequence of attach, detach and delete, no disk is on two CVMs, none crosses zones, none exceeds the CVM limit', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const world = new World();
        for (const s of steps) world.run(DISKS[s.disk], world.command(s));
        for (const events of world.streams.values()) checkStream(events);
        for (const node of NODES) expect(world.disksOn(node)).toBeLessThanOrEqual(MAX_DISKS_PER_CVM);
        expect(world.disksOn('172.0.0.4')).toBe(0);
        for (const disk of world.states.values()) if (disk.status === 'DELETED' || disk.status === 'UNATTACHED') expect(disk.attachedTo).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
