/** Server-side apply: applied fields win, fields a manager stops applying are removed, and other appliers' fields conflict. */
import { clone, deepEqual, isObject, type Json, type JsonObject } from './json.js';
import { fieldPathText, fieldSet, leafPaths, removeAt, valueAt } from './field-set.js';
import { applyStrategicMergePatch } from './strategic-merge.js';

/** ManagedFieldsEntry is metav1.ManagedFieldsEntry. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
  subresource?: string;
}

/** ApplyConflict is one field another manager owns with a different value. */
export interface ApplyConflict {
  manager: string;
  apiVersion: string;
  field: string;
}

/** ApplyOptions are the request's fieldManager and force, and the time recorded in managedFields. */
export interface ApplyOptions {
  manager: string;
  force: boolean;
  /** time is RFC 3339, from the virtual clock. */
  time: string;
}

/** ApplyResult is the object to store, or the conflicts that stop the apply (409). */
export type ApplyResult = { ok: true; object: JsonObject; created: boolean } | { ok: false; conflicts: ApplyConflict[]; message: string };

const key = (tokens: string[]): string => tokens.join('\u0000');

/** conflictMessage words conflicts as the API server's 409: `Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.replicas`. */
export function conflictMessage(conflicts: readonly ApplyConflict[]): string {
  const n = conflicts.length;
  if (n === 1) return `Apply failed with 1 conflict: conflict with ${JSON.stringify(conflicts[0].manager)} using ${conflicts[0].apiVersion}: ${conflicts[0].field}`;
  const lines = conflicts.map((c) => `- conflict with ${JSON.stringify(c.manager)} using ${c.apiVersion}: ${c.field}`);
  return `Apply failed with ${n} conflicts: \n${lines.join('\n')}`;
}

/** applyServerSide upserts an applied configuration into the live object (undefined when absent) for one field manager. */
export function applyServerSide(live: JsonObject | undefined, applied: JsonObject, options: ApplyOptions): ApplyResult {
  const base: JsonObject = live ? clone(live) : { apiVersion: applied.apiVersion, kind: applied.kind, metadata: {} };
  const meta = (isObject(base.metadata) ? base.metadata : {}) as JsonObject;
  let entries = (Array.isArray(meta.managedFields) ? meta.managedFields : []) as unknown as ManagedFieldsEntry[];
  const newSet = fieldSet(applied);
  const newLeaves = leafPaths(newSet);
  const conflicts: ApplyConflict[] = [];
  const contested = new Set<string>();
  for (const other of entries.filter((e) => e.manager !== options.manager && e.operation === 'Apply')) {
    const owned = new Set(leafPaths(other.fieldsV1).map(key));
    for (const leaf of newLeaves) {
      if (owned.has(key(leaf)) && !deepEqual(valueAt(base, leaf), valueAt(applied, leaf))) {
        conflicts.push({ manager: other.manager, apiVersion: other.apiVersion, field: fieldPathText(leaf) });
        contested.add(key(leaf));
      }
    }
  }
  if (conflicts.length > 0 && !options.force) return { ok: false, conflicts, message: conflictMessage(conflicts) };
  const previous = entries.find((e) => e.manager === options.manager && e.operation === 'Apply');
  const keep = new Set(newLeaves.map(key));
  const othersOwn = new Set(entries.filter((e) => e !== previous).flatMap((e) => leafPaths(e.fieldsV1).map(key)));
  const dropped = (previous ? leafPaths(previous.fieldsV1) : []).filter((leaf) => !keep.has(key(leaf)) && !othersOwn.has(key(leaf)));
  for (const item of droppedItems(dropped, newLeaves)) removeAt(base, item);
  for (const leaf of dropped) removeAt(base, leaf);
  const merged = applyStrategicMergePatch(base, applied);
  if (!merged.ok) return { ok: false, conflicts: [], message: merged.error };
  if (options.force) entries = entries.map((e) => (e.manager === options.manager ? e : { ...e, fieldsV1: without(e.fieldsV1, contested) }));
  const entry: ManagedFieldsEntry = { manager: options.manager, operation: 'Apply', apiVersion: String(applied.apiVersion ?? ''), time: options.time, fieldsType: 'FieldsV1', fieldsV1: newSet };
  const object = merged.value as JsonObject;
  const others = entries.filter((e) => !(e.manager === options.manager && e.operation === 'Apply'));
  (object.metadata as JsonObject).managedFields = [...others, entry] as unknown as Json;
  return { ok: true, object, created: live === undefined };
}

/** droppedItems are the list items (`k:`/`v:` prefixes) of dropped leaves that the new set no longer mentions at all. */
function droppedItems(dropped: string[][], kept: string[][]): string[][] {
  const keptKeys = new Set(kept.flatMap((leaf) => leaf.map((_, i) => key(leaf.slice(0, i + 1)))));
  const items = new Map<string, string[]>();
  for (const leaf of dropped) {
    const at = leaf.findIndex((t) => t.startsWith('k:') || t.startsWith('v:'));
    if (at >= 0 && !keptKeys.has(key(leaf.slice(0, at + 1)))) items.set(key(leaf.slice(0, at + 1)), leaf.slice(0, at + 1));
  }
  return [...items.values()];
}

function without(set: JsonObject, taken: Set<string>, prefix: string[] = []): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(set)) {
    const path = [...prefix, k];
    const children = isObject(v) ? Object.keys(v).filter((c) => c !== '.') : [];
    if (children.length === 0) {
      if (!taken.has(key(path))) out[k] = v;
    } else {
      const rest = without(v as JsonObject, taken, path);
      if (Object.keys(rest).some((c) => c !== '.')) out[k] = rest;
    }
  }
  return out;
}
