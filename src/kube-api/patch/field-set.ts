/** FieldsV1 field sets, as managedFields records them (`f:spec`, `k:{"name":"nginx"}`, `v:"a"`). */
import { deepEqual, isObject, type Json, type JsonObject } from './json.js';
import { listStrategy } from './merge-keys.js';

/** IDENTITY are the fields apply never records ownership of. */
const IDENTITY = new Set(['apiVersion', 'kind', 'status']);
const META_IDENTITY = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'deletionTimestamp']);

function setOf(value: JsonObject, path: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (path.length === 0 && IDENTITY.has(k)) continue;
    if (path.length === 1 && path[0] === 'metadata' && META_IDENTITY.has(k)) continue;
    const child = [...path, k];
    if (isObject(v)) out[`f:${k}`] = setOf(v, child);
    else if (Array.isArray(v)) out[`f:${k}`] = listSet(v, child);
    else out[`f:${k}`] = {};
  }
  return out;
}

function listSet(list: Json[], path: string[]): JsonObject {
  const strategy = listStrategy(path);
  if (strategy.type === 'replace') return {};
  const out: JsonObject = {};
  for (const item of list) {
    if (strategy.type === 'merge-primitive' || !isObject(item)) out[`v:${JSON.stringify(item)}`] = {};
    else out[`k:${JSON.stringify({ [strategy.key]: item[strategy.key] })}`] = { '.': {}, ...setOf(item, path) };
  }
  return out;
}

/** fieldSet is the FieldsV1 set of an applied configuration. */
export function fieldSet(applied: JsonObject): JsonObject {
  return setOf(applied, []);
}

/** leafPaths flattens a field set into its leaves, each a list of FieldsV1 tokens. */
export function leafPaths(set: JsonObject, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(set)) {
    if (k === '.') continue;
    const children = isObject(v) ? Object.keys(v).filter((c) => c !== '.') : [];
    if (children.length === 0) out.push([...prefix, k]);
    else out.push(...leafPaths(v as JsonObject, [...prefix, k]));
  }
  return out;
}

/** locate walks tokens to the container holding the last one; undefined when the path is absent. */
export function locate(object: Json, tokens: string[]): { parent: JsonObject | Json[]; index: string | number } | undefined {
  let node: Json = object;
  for (let i = 0; i < tokens.length; i++) {
    const [kind, text] = [tokens[i].slice(0, 2), tokens[i].slice(2)];
    let index: string | number;
    if (kind === 'f:' && isObject(node)) index = text;
    else if (kind === 'k:' && Array.isArray(node)) {
      const key = JSON.parse(text) as JsonObject;
      index = node.findIndex((item) => isObject(item) && Object.entries(key).every(([kk, kv]) => deepEqual(item[kk], kv)));
    } else if (kind === 'v:' && Array.isArray(node)) index = node.findIndex((item) => deepEqual(item, JSON.parse(text)));
    else return undefined;
    const next: Json | undefined = Array.isArray(node) ? (index as number) >= 0 ? node[index as number] : undefined : (node as JsonObject)[index as string];
    if (next === undefined) return undefined;
    if (i === tokens.length - 1) return { parent: node as JsonObject | Json[], index };
    node = next;
  }
  return undefined;
}

/** valueAt reads the value a token path names. */
export function valueAt(object: Json, tokens: string[]): Json | undefined {
  const at = locate(object, tokens);
  if (!at) return undefined;
  return Array.isArray(at.parent) ? at.parent[at.index as number] : at.parent[at.index as string];
}

/** removeAt deletes the field or list item a token path names. */
export function removeAt(object: Json, tokens: string[]): void {
  const at = locate(object, tokens);
  if (!at) return;
  if (Array.isArray(at.parent)) at.parent.splice(at.index as number, 1);
  else delete at.parent[at.index as string];
}

/** fieldPathText prints a token path as apply's conflict messages do: `.spec.template.spec.containers[name="nginx"].image`. */
export function fieldPathText(tokens: string[]): string {
  return tokens
    .map((t) => {
      if (t.startsWith('f:')) return `.${t.slice(2)}`;
      if (t.startsWith('v:')) return `[${t.slice(2)}]`;
      const key = JSON.parse(t.slice(2)) as JsonObject;
      return `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    })
    .join('');
}
