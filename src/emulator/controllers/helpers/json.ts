/** JSON helpers: canonical text, structural equality and copies of API objects. */

/** stableJson renders a value with sorted keys and without undefined fields, so equal objects give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sameJson says whether two values are structurally equal, ignoring key order and undefined fields. */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/** clone deep-copies a JSON value, so a controller never mutates what the store holds. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** millis reads an RFC 3339 time as epoch milliseconds (NaN when absent or malformed). */
export function millis(time: string | undefined | null): number {
  return time ? Date.parse(time) : NaN;
}
