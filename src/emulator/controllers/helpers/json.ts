import { copyJson } from '../../kube/copy-json.js';
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

const isEnumerableOwn = (o: object, key: string): boolean => Object.prototype.propertyIsEnumerable.call(o, key);

/** sameJson says whether two values are structurally equal, ignoring key order and undefined fields: whether their stableJson is. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const [aIsObject, bIsObject] = [typeof a === 'object' && a !== null, typeof b === 'object' && b !== null];
  if (!aIsObject || !bIsObject) return !aIsObject && !bIsObject && (JSON.stringify(a) ?? 'null') === (JSON.stringify(b) ?? 'null');
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameElements(a, b);
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  let defined = 0;
  for (const key of Object.keys(x)) {
    const [v, w] = [x[key], y[key]];
    if (v === undefined) continue;
    defined++;
    if (w === undefined || !isEnumerableOwn(y, key) || !sameJson(v, w)) return false;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) defined--;
  return defined === 0;
}

/** sameElements compares arrays as stableJson renders them: undefined as null, holes as nothing. */
function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const present = i in a;
    if (present !== i in b) return false;
    if (present && !sameJson(a[i], b[i])) return false;
  }
  return true;
}

/** clone deep-copies a JSON value, so a controller never mutates what the store holds. */
export function clone<T>(value: T): T {
  return value === undefined ? value : copyJson(value);
}

/** millis reads an RFC 3339 time as epoch milliseconds (NaN when absent or malformed). */
export function millis(time: string | undefined | null): number {
  return time ? Date.parse(time) : NaN;
}
