const KI = 1024;

/** formatCpu renders millicores the way the API server does: whole cores as "2", else "1930m". */
export function formatCpu(millicores: number): string {
  return millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`;
}

/** formatBytesKi renders bytes in Ki, the unit the kubelet reports memory and storage in. */
export function formatBytesKi(bytes: number): string {
  return `${Math.floor(bytes / KI)}Ki`;
}

export const GIB = 1024 ** 3;
export const MIB = 1024 ** 2;
