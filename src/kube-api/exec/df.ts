/** `df` and `df -h` output as GNU coreutils prints it. */
import type { Mount } from './container.js';

const UNITS = ['K', 'M', 'G', 'T', 'P'];

/** humanSize is coreutils' -h: powers of 1024, one decimal below 10, rounded up (`9.8G`, `24K`, `0`). */
export function humanSize(bytes: number): string {
  if (bytes === 0) return '0';
  if (bytes < 1024) return String(bytes);
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value < 10) {
    const rounded = Math.ceil(value * 10) / 10;
    if (rounded < 10) return `${rounded.toFixed(1)}${UNITS[unit]}`;
    value = rounded;
  }
  const whole = Math.ceil(value);
  return whole >= 1024 && unit < UNITS.length - 1 ? `1.0${UNITS[unit + 1]}` : `${whole}${UNITS[unit]}`;
}

/** MIN_WIDTHS are coreutils' field widths: Filesystem 14, the figures 5, Use% 4. */
const MIN_WIDTHS = [14, 5, 5, 5, 4, 0];

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(MIN_WIDTHS[i], ...rows.map((r) => r[i].length)));
  const last = widths.length - 1;
  return rows
    .map((r) => r.map((cell, i) => (i === 0 || i === last ? cell.padEnd(i === last ? 0 : widths[i]) : cell.padStart(widths[i]))).join(' '))
    .join('\n');
}

/** df prints the mounts, `Use%` rounded up as coreutils does. */
export function df(mounts: readonly Mount[], human: boolean): string {
  const header = human ? ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on'] : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'];
  const rows = mounts.map((m) => {
    const avail = Math.max(m.sizeBytes - m.usedBytes, 0);
    const use = m.sizeBytes === 0 ? '-' : `${Math.ceil((m.usedBytes * 100) / (m.usedBytes + avail))}%`;
    const size = (n: number): string => (human ? humanSize(n) : String(Math.ceil(n / 1024)));
    return [m.device, size(m.sizeBytes), size(m.usedBytes), size(avail), use, m.path];
  });
  return `${table([header, ...rows])}\n`;
}
