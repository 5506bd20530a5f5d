/** Strategic merge patch (`application/strategic-merge-patch+json`), what `kubectl apply` sends on a change. */
import { clone, deepEqual, isObject, type Json, type JsonObject, type PatchResult } from './json.js';
import { listStrategy } from './merge-keys.js';

const DELETE = Symbol('delete');
const ORDER = '$setElementOrder/';
const DELETE_FROM = '$deleteFromPrimitiveList/';

class PatchError extends Error {}

const isDirective = (key: string): boolean => key.startsWith('$');

/** stripDirectives removes `$patch`, `$retainKeys` and the other `$` keys from a value that lands as is. */
export function stripDirectives(value: Json): Json {
  if (Array.isArray(value)) return value.filter((v) => !(isObject(v) && v.$patch !== undefined && Object.keys(v).length === 1)).map(stripDirectives);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (!isDirective(k)) out[k] = stripDirectives(v);
  return out;
}

function reorder(list: Json[], order: Json[], key: string | undefined): Json[] {
  const id = (v: Json): Json => (key && isObject(v) ? (v[key] ?? null) : v);
  const rank = (v: Json): number => order.findIndex((o) => deepEqual(id(o), id(v)));
  const ordered = list.filter((v) => rank(v) >= 0).sort((a, b) => rank(a) - rank(b));
  let next = 0;
  return list.map((v) => (rank(v) >= 0 ? ordered[next++] : v));
}

function mergeList(original: Json[], patch: Json[], path: string[]): Json[] {
  const strategy = listStrategy(path);
  const replaceAll = patch.some((v) => isObject(v) && v.$patch === 'replace');
  if (strategy.type === 'replace' || replaceAll) return stripDirectives(patch) as Json[];
  if (strategy.type === 'merge-primitive') return [...original, ...patch.filter((v) => !original.some((o) => deepEqual(o, v)))];
  const result = clone(original);
  for (const item of patch) {
    if (!isObject(item)) throw new PatchError(`merging an object in json but data type is not map, data: ${JSON.stringify(item)}`);
    const keyValue = item[strategy.key];
    if (keyValue === undefined) throw new PatchError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${strategy.key}`);
    const index = result.findIndex((o) => isObject(o) && deepEqual(o[strategy.key], keyValue));
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    const merged = mergeMap(index >= 0 ? (result[index] as JsonObject) : {}, item, path);
    if (merged === DELETE) {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) result[index] = merged;
    else result.push(merged);
  }
  return result;
}

function mergeMap(original: JsonObject, patch: JsonObject, path: string[]): JsonObject | typeof DELETE {
  if (patch.$patch === 'delete') return DELETE;
  if (patch.$patch === 'replace') return stripDirectives(patch) as JsonObject;
  if (patch.$patch !== undefined && patch.$patch !== 'merge') throw new PatchError(`Unknown patch type: ${String(patch.$patch)}`);
  const result = clone(original);
  const retain = patch.$retainKeys;
  if (retain !== undefined) {
    if (!Array.isArray(retain)) throw new PatchError('invalid patch: $retainKeys must be a list of strings');
    for (const k of Object.keys(result)) if (!retain.includes(k)) delete result[k];
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith(DELETE_FROM) && Array.isArray(v)) {
      const field = k.slice(DELETE_FROM.length);
      const current = result[field];
      if (Array.isArray(current)) result[field] = current.filter((x) => !v.some((d) => deepEqual(d, x)));
    }
    if (isDirective(k)) continue;
    if (v === null) delete result[k];
    else if (isObject(v)) {
      const merged = mergeMap(isObject(result[k]) ? (result[k] as JsonObject) : {}, v, [...path, k]);
      if (merged === DELETE) delete result[k];
      else result[k] = merged;
    } else if (Array.isArray(v)) {
      result[k] = mergeList(Array.isArray(result[k]) ? (result[k] as Json[]) : [], v, [...path, k]);
    } else result[k] = v;
  }
  for (const [k, order] of Object.entries(patch)) {
    const field = k.slice(ORDER.length);
    if (!k.startsWith(ORDER) || !Array.isArray(order) || !Array.isArray(result[field])) continue;
    const strategy = listStrategy([...path, field]);
    result[field] = reorder(result[field] as Json[], order, strategy.type === 'merge' ? strategy.key : undefined);
  }
  return result;
}

/** applyStrategicMergePatch merges by the Kubernetes list keys, honouring `$patch`, `$retainKeys`, `$setElementOrder` and `$deleteFromPrimitiveList`. */
export function applyStrategicMergePatch(original: Json, patch: Json): PatchResult {
  if (!isObject(patch)) return { ok: false, error: 'invalid JSON document', badRequest: true };
  try {
    const merged = mergeMap(isObject(original) ? original : {}, patch, []);
    return { ok: true, value: merged === DELETE ? {} : merged };
  } catch (e) {
    if (e instanceof PatchError) return { ok: false, error: e.message, badRequest: true };
    throw e;
  }
}
