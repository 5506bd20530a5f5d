import type { ControllerAction } from '../controllers/controller.js';
import type { ObjectStore } from '../kube/index.js';
import type { DiskView } from './cbs.js';
import type { DiskRequest } from './provisioning.js';

/** StorageWorld is what the storage controllers read: the cluster's objects, virtual time, the seeded generator and the CBS disks. */
export interface StorageWorld {
  readonly store: ObjectStore;
  readonly now: string;
  readonly random: { next(): number };
  /** disks maps disk id to its state, from the storage domain's read model. */
  readonly disks: ReadonlyMap<string, DiskView>;
}

/** VolumeWork is what a PV controller pass asks for: API writes, CBS disks to create (CreateDisk), and disks to delete (DeleteDisk). */
export interface VolumeWork {
  readonly actions: ControllerAction[];
  readonly createDisks: DiskRequest[];
  readonly deleteDisks: string[];
}

/** emptyWork is a pass that asks for nothing. */
export const emptyWork = (): VolumeWork => ({ actions: [], createDisks: [], deleteDisks: [] });

/** DiskInventory is the storage domain's read model as the cluster's scheduler reads it: one account's disks that one cluster may use. */
export interface DiskInventory {
  /** disksFor lists the account's disks not attached to another cluster's node, by id. */
  disksFor(accountId: string, clusterId: string): ReadonlyMap<string, DiskView>;
}
