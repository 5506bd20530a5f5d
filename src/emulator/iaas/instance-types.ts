/** InstanceType is a CVM model: its vCPUs and memory. */
export interface InstanceType {
  readonly name: string;
  readonly cpu: number;
  readonly memoryGiB: number;
}

const standard = (size: string, cpu: number, memoryGiB: number): InstanceType => ({
  name: `S2.${size}${memoryGiB}`,
  cpu,
  memoryGiB,
});

/** instanceTypes is the S2 (standard) family the platform sells. */
export const instanceTypes: readonly InstanceType[] = [
  standard('SMALL', 1, 1),
  standard('SMALL', 1, 2),
  standard('SMALL', 1, 4),
  standard('MEDIUM', 2, 4),
  standard('MEDIUM', 2, 8),
  standard('LARGE', 4, 8),
  standard('LARGE', 4, 16),
  standard('2XLARGE', 8, 16),
  standard('2XLARGE', 8, 32),
  standard('4XLARGE', 16, 32),
  standard('4XLARGE', 16, 64),
  standard('8XLARGE', 32, 64),
  standard('8XLARGE', 32, 128),
];

export const DEFAULT_INSTANCE_TYPE = 'S2.MEDIUM4';

export function findInstanceType(name: string): InstanceType | undefined {
  return instanceTypes.find((t) => t.name === name);
}
