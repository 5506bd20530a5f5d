import type { Timer } from '../../../emulator/clock/index.js';
import { ClockService } from '../../../platform/clock/clock.service.js';
import { DISK_OPERATION_SECONDS } from '../disk/disk.types.js';
import type { DiskRecord } from '../projections/disks.projection.js';

/** SECONDS_BY_STATE is how long the operation a disk is in takes, by the state it puts the disk in. */
const SECONDS_BY_STATE: Partial<Record<DiskRecord['status'], number>> = {
  ATTACHING: DISK_OPERATION_SECONDS.attach,
  DETACHING: DISK_OPERATION_SECONDS.detach,
  EXPANDING: DISK_OPERATION_SECONDS.resize,
};

/** dueAtOf is when a disk's pending CBS operation completes, in virtual ms, or undefined when nothing is pending. */
export function dueAtOf(disk: DiskRecord | undefined): number | undefined {
  const seconds = disk && SECONDS_BY_STATE[disk.status];
  return seconds === undefined || !disk?.pendingSince ? undefined : Date.parse(disk.pendingSince) + seconds * 1000;
}

/** DiskTimers keeps one timer per disk with an operation in flight, on its account's virtual clock. */
export class DiskTimers {
  private readonly timers = new Map<string, { timer: Timer; accountId: string }>();

  constructor(
    private readonly clocks: ClockService,
    private readonly complete: (accountId: string, diskId: string) => Promise<void>,
  ) {}

  /** arm sets the disk's timer at its operation's due time, or cancels it when nothing is pending (or the disk is gone). */
  arm(diskId: string, disk: DiskRecord | undefined): void {
    const dueAt = dueAtOf(disk);
    const current = this.timers.get(diskId);
    if (current?.timer.dueAt === dueAt) return;
    if (current) this.clocks.clockOf(current.accountId).cancel(current.timer);
    this.timers.delete(diskId);
    if (dueAt === undefined || !disk) return;
    const { accountId } = disk;
    const timer = this.clocks.clockOf(accountId).schedule(dueAt, `cbs ${diskId}`, async () => {
      this.timers.delete(diskId);
      await this.complete(accountId, diskId);
    });
    this.timers.set(diskId, { timer, accountId });
  }
}
