/** JSON Patch (RFC 6902, `application/json-patch+json`) with RFC 6901 pointers. */
import { clone, deepEqual, isObject, type Json, type PatchResult } from './json.js';

/** JsonPatchOperation is one operation of a JSON patch. */
export interface JsonPatchOperation {
  op: string;
  path: string;
  value?: Json;
  from?: string;
}

/** parsePointer splits an RFC 6901 pointer into unescaped tokens (`~1` is `/`, `~0` is `~`). */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Json[] | { [key: string]: Json };
interface Location {
  parent: Container;
  key: string;
}

function locate(doc: Json, tokens: string[]): Location | undefined {
  let node: Json = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = /^\d+$/.test(token) ? node[Number(token)] : undefined as unknown as Json;
    else if (isObject(node)) node = node[token];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return Array.isArray(node) || isObject(node) ? { parent: node, key: tokens[tokens.length - 1] } : undefined;
}

function arrayIndex(arr: Json[], key: string, forInsert: boolean): number | undefined {
  if (forInsert && key === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
  const i = Number(key);
  return i < arr.length || (forInsert && i === arr.length) ? i : undefined;
}

function get(loc: Location): Json | undefined {
  if (Array.isArray(loc.parent)) {
    const i = arrayIndex(loc.parent, loc.key, false);
    return i === undefined ? undefined : loc.parent[i];
  }
  return Object.prototype.hasOwnProperty.call(loc.parent, loc.key) ? loc.parent[loc.key] : undefined;
}

function add(loc: Location, value: Json): boolean {
  if (!Array.isArray(loc.parent)) {
    loc.parent[loc.key] = value;
    return true;
  }
  const i = arrayIndex(loc.parent, loc.key, true);
  if (i === undefined) return false;
  loc.parent.splice(i, 0, value);
  return true;
}

function remove(loc: Location): boolean {
  if (get(loc) === undefined) return false;
  if (Array.isArray(loc.parent)) loc.parent.splice(Number(loc.key), 1);
  else delete loc.parent[loc.key];
  return true;
}

/** decodeJsonPatch checks a patch body's shape; a bad one is a 400 BadRequest. */
export function decodeJsonPatch(body: unknown): JsonPatchOperation[] | string {
  if (!Array.isArray(body)) return 'json: cannot unmarshal object into Go value of type jsonpatch.Patch';
  for (const op of body) {
    if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') return 'json: cannot unmarshal operation: missing op or path';
  }
  return body as unknown as JsonPatchOperation[];
}

/** applyOperation applies one operation in place to a wrapped document; the message on failure follows evanphx/json-patch. */
function applyOperation(root: { doc: Json }, op: JsonPatchOperation): string | undefined {
  const tokens = parsePointer(op.path);
  if (tokens === undefined) return `${op.op} operation does not apply: invalid path: "${op.path}"`;
  const wrapped = ['doc', ...tokens];
  const loc = locate(root as unknown as Json, wrapped);
  const missing = `${op.op} operation does not apply: doc is missing path: "${op.path}": missing value`;
  switch (op.op) {
    case 'add':
      return loc && add(loc, clone(op.value ?? null)) ? undefined : missing;
    case 'remove':
      return loc && tokens.length > 0 && remove(loc) ? undefined : missing;
    case 'replace':
      if (!loc || get(loc) === undefined) return missing;
      if (Array.isArray(loc.parent)) loc.parent[Number(loc.key)] = clone(op.value ?? null);
      else loc.parent[loc.key] = clone(op.value ?? null);
      return undefined;
    case 'test':
      return loc && deepEqual(get(loc), op.value ?? null) ? undefined : `testing value ${op.path} failed: test failed`;
    case 'move':
    case 'copy': {
      const fromTokens = op.from === undefined ? undefined : parsePointer(op.from);
      const from = fromTokens && locate(root as unknown as Json, ['doc', ...fromTokens]);
      const value = from && get(from);
      if (!from || value === undefined) return `${op.op} operation does not apply: doc is missing from path: "${op.from ?? ''}": missing value`;
      if (op.op === 'move') remove(from);
      const target = locate(root as unknown as Json, wrapped);
      return target && add(target, clone(value)) ? undefined : missing;
    }
    default:
      return `Unexpected kind: ${op.op}`;
  }
}

/** applyJsonPatch applies the operations in order to a copy of the document; all or nothing. */
export function applyJsonPatch(doc: Json, patch: unknown): PatchResult {
  const ops = decodeJsonPatch(patch);
  if (typeof ops === 'string') return { ok: false, error: ops, badRequest: true };
  const root = { doc: clone(doc) };
  for (const op of ops) {
    const error = applyOperation(root, op);
    if (error) return { ok: false, error };
  }
  return { ok: true, value: root.doc };
}
