/** JSON Merge Patch (RFC 7386, `application/merge-patch+json`). */
import { clone, isObject, type Json } from './json.js';

/** applyMergePatch merges a patch into a copy of the target: objects merge, null deletes, anything else replaces. */
export function applyMergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const result = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
