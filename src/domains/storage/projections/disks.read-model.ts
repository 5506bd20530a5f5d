import { Injectable } from '@nestjs/common';
import type { DiskInventory, DiskView } from '../../../emulator/storage/index.js';
import { notFound } from '../../../platform/kernel/index.js';
import { ProjectionService } from '../../../platform/projections/index.js';
import type { DiskRecord, DisksState } from './disks.projection.js';

/** diskView is what the cluster's controllers and scheduler read of a disk. */
export function diskView(disk: DiskRecord): DiskView {
  const { id, zone, type, size, attachedTo, clusterId, managed } = disk;
  const state = disk.status === 'absent' ? 'UNATTACHED' : disk.status;
  return { diskId: id, zone, type, size, state, ...(attachedTo ? { attachedTo } : {}), ...(clusterId ? { clusterId } : {}), ...(managed ? { managed } : {}) };
}

/** DisksReadModel answers queries about an account's CBS disks, and serves them to the cluster's scheduler. */
@Injectable()
export class DisksReadModel implements DiskInventory {
  constructor(private readonly projections: ProjectionService) {}

  /** all is every live disk of every account. */
  all(): DiskRecord[] {
    return Object.values(this.projections.state<DisksState>('disks').disks);
  }

  /** list is the account's disks, oldest first (the read model keeps them in creation order), in one zone or all. */
  list(accountId: string, zone?: string | null): DiskRecord[] {
    return this.all().filter((d) => d.accountId === accountId && (!zone || d.zone === zone));
  }

  /** find is one of the account's disks, or undefined. */
  find(accountId: string, diskId: string): DiskRecord | undefined {
    const disk = this.projections.state<DisksState>('disks').disks[diskId];
    return disk?.accountId === accountId ? disk : undefined;
  }

  /** get is one of the account's disks; another account's or a missing one is NOT_FOUND. */
  get(accountId: string, diskId: string, field = 'diskId'): DiskRecord {
    const disk = this.find(accountId, diskId);
    if (!disk) throw notFound('disks', diskId, field);
    return disk;
  }

  /** disksFor lists the account's disks as one cluster sees them: one attached to another cluster's CVM is in use on no node of this one. */
  disksFor(accountId: string, clusterId: string): ReadonlyMap<string, DiskView> {
    const map = new Map<string, DiskView>();
    for (const disk of this.all()) {
      if (disk.accountId !== accountId) continue;
      const view = diskView(disk);
      map.set(disk.id, disk.clusterId !== undefined && disk.clusterId !== clusterId ? { ...view, attachedTo: '', clusterId: undefined } : view);
    }
    return map;
  }

  /** onNode counts the disks attached (or attaching) to one node of one cluster. */
  onNode(accountId: string, clusterId: string, nodeName: string): number {
    return this.all().filter((d) => d.accountId === accountId && d.clusterId === clusterId && d.attachedTo === nodeName).length;
  }
}
