import { createHash } from 'node:crypto';

/** stableStringify renders JSON with sorted keys, so equal requests hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** requestHash identifies a command's type and payload, to tell a retry from a different request. */
export function requestHash(type: string, payload: unknown): string {
  return createHash('sha256').update(type).update('\u0000').update(stableStringify(payload)).digest('hex');
}
