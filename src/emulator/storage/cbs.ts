/** CBS, Tencent Cloud's block storage, as TKE's qcloud-cbs provisioner and the CBS API see it: disk types, sizes, ids. */

/** CBS_PROVISIONER is the StorageClass provisioner that makes CBS disks. */
export const CBS_PROVISIONER = 'cloud.tencent.com/qcloud-cbs';

/** DISK_TYPES are CBS's disk media, as the API names them. */
export const DISK_TYPES = ['CLOUD_BASIC', 'CLOUD_PREMIUM', 'CLOUD_SSD'] as const;

/** DiskType is one of DISK_TYPES. */
export type DiskType = (typeof DISK_TYPES)[number];

/** DISK_STATES are the CBS API's DiskState values tkesim uses, plus DELETED for a terminated disk. */
export const DISK_STATES = ['UNATTACHED', 'ATTACHING', 'ATTACHED', 'DETACHING', 'EXPANDING', 'DELETED'] as const;

/** DiskState is one of DISK_STATES. */
export type DiskState = (typeof DISK_STATES)[number];

/** MAX_DISKS_PER_CVM is how many CBS disks one CVM takes (the node's attach limit). */
export const MAX_DISKS_PER_CVM = 20;

/** DiskSizeRule is a type's size range in GB and the step sizes go up by. */
export interface DiskSizeRule {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** DISK_SIZE_RULES are TKE's limits: basic 10–4000 GB in steps of 10, premium 50–16000 GB, SSD 200–16000 GB. */
export const DISK_SIZE_RULES: Readonly<Record<DiskType, DiskSizeRule>> = {
  CLOUD_BASIC: { min: 10, max: 4000, step: 10 },
  CLOUD_PREMIUM: { min: 50, max: 16000, step: 1 },
  CLOUD_SSD: { min: 200, max: 16000, step: 1 },
};

/** LEGACY_DISK_TYPES maps the 2017 provisioner's `type` parameter (the seed's `type: cbs`) to today's media. */
const LEGACY_DISK_TYPES: Readonly<Record<string, DiskType>> = { cbs: 'CLOUD_BASIC' };

/** isDiskType narrows a string to a DiskType. */
export const isDiskType = (value: unknown): value is DiskType => typeof value === 'string' && (DISK_TYPES as readonly string[]).includes(value);

/** diskTypeOf reads a StorageClass's `parameters.type` (CLOUD_BASIC when absent); undefined for an unknown type. */
export function diskTypeOf(parameters: Readonly<Record<string, string>> | undefined): DiskType | undefined {
  const raw = parameters?.type;
  if (raw === undefined || raw === '') return 'CLOUD_BASIC';
  return isDiskType(raw) ? raw : LEGACY_DISK_TYPES[raw];
}

/** describeSizeRule words a type's limits: `CLOUD_BASIC disks are 10–4000 GB in steps of 10`. */
export function describeSizeRule(type: DiskType): string {
  const { min, max, step } = DISK_SIZE_RULES[type];
  return `${type} disks are ${min}–${max} GB${step > 1 ? ` in steps of ${step}` : ''}`;
}

/** diskSizeProblem says why `size` GB is not a valid size for `type`, or undefined when it is. */
export function diskSizeProblem(type: DiskType, size: number): string | undefined {
  const { min, max, step } = DISK_SIZE_RULES[type];
  const fits = Number.isInteger(size) && size >= min && size <= max && size % step === 0;
  return fits ? undefined : describeSizeRule(type);
}

/** GIB is the unit CBS sizes are counted in: the CBS API's "GB" are 2^30 bytes, as the qcloud-cbs provisioner treats them. */
export const GIB = 2 ** 30;

/** provisionSizeGB rounds a claim's request in bytes up to a size CBS accepts, or undefined when it exceeds the type's maximum. */
export function provisionSizeGB(type: DiskType, requestBytes: number): number | undefined {
  const { min, max, step } = DISK_SIZE_RULES[type];
  const gb = Math.max(min, Math.ceil(requestBytes / GIB));
  const rounded = Math.ceil(gb / step) * step;
  return rounded <= max ? rounded : undefined;
}

const DISK_ID = /^disk-[a-z0-9]{8}$/;

/** isDiskId: `disk-` and 8 lowercase letters or digits, as CBS ids are (`disk-echj2drf`). */
export const isDiskId = (value: unknown): value is string => typeof value === 'string' && DISK_ID.test(value);

/** DISK_ID_RULE explains a bad disk id. */
export const DISK_ID_RULE = 'must be "disk-" followed by 8 lowercase letters or digits, like "disk-echj2drf"';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** newDiskId draws `disk-xxxxxxxx` from a caller's generator (`next()` in [0, 1)), skipping ids `taken` says exist. */
export function newDiskId(random: { next(): number }, taken: (id: string) => boolean = () => false): string {
  for (;;) {
    let id = 'disk-';
    for (let i = 0; i < 8; i++) id += ID_ALPHABET[Math.floor(random.next() * ID_ALPHABET.length)];
    if (!taken(id)) return id;
  }
}

/** DiskView is what the cluster's controllers and scheduler read of a CBS disk (the storage domain's read model). */
export interface DiskView {
  readonly diskId: string;
  readonly zone: string;
  readonly type: DiskType;
  readonly size: number;
  readonly state: DiskState;
  /** attachedTo is the node name (the CVM's private IP) the disk is attached, attaching or detaching to. */
  readonly attachedTo?: string;
  /** clusterId is the cluster of that node. */
  readonly clusterId?: string;
  /** managed: the attach/detach controller attached it, for a pod. */
  readonly managed?: boolean;
}
