/** JSON value helpers the patch algorithms share. */

/** Json is any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JsonObject is a JSON object. */
export type JsonObject = { [key: string]: Json };

/** isObject says whether a value is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** clone deep-copies a JSON value. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** deepEqual compares JSON values structurally (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** PatchResult is a patched document or the reason the patch does not apply. */
export type PatchResult = { ok: true; value: Json } | { ok: false; error: string; badRequest?: boolean };
