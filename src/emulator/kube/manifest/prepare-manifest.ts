import { applyDefaults } from '../defaults/apply-defaults.js';
import type { KubeObject } from '../meta.js';
import { isRecord, type Json } from '../validation/checker.js';
import { formatFieldErrors } from '../validation/field-error.js';
import { validateObject } from '../validation/validate-object.js';
import { convertToCurrent } from './convert.js';
import { resolveKind } from './kinds.js';
import { describeLocation, parseManifest, type ManifestDocument, type ManifestError } from './parse-manifest.js';

/** Everything between a user's YAML and valid, defaulted Kubernetes objects: parse, resolve, convert, default, validate. */

/** PreparedManifest is all of a manifest's objects, or every reason it cannot be applied. */
export type PreparedManifest = { ok: true; objects: KubeObject[] } | { ok: false; errors: string[] };

/** PreparedObject is one object ready to store, or its errors (already prefixed with where it came from). */
export type PreparedObject = { ok: true; object: KubeObject } | { ok: false; errors: string[] };

/** objectLabel names an object in messages: `Deployment "web" (document 2)`. */
export function objectLabel(doc: ManifestDocument): string {
  const { kind, metadata } = doc.object;
  const name = isRecord(metadata) && typeof metadata.name === 'string' && metadata.name ? metadata.name : undefined;
  const where = describeLocation(doc);
  if (typeof kind !== 'string' || kind === '') return where;
  return name === undefined ? `${kind} (${where})` : `${kind} ${JSON.stringify(name)} (${where})`;
}

/** setNamespace gives a namespaced object `default` when it has none and takes it from a cluster-scoped one, as BeforeCreate does. */
function setNamespace(obj: Json, namespaced: boolean): void {
  if (obj.metadata === undefined) obj.metadata = {};
  const meta = obj.metadata;
  if (!isRecord(meta)) return;
  if (!namespaced) delete meta.namespace;
  else if (meta.namespace === undefined || meta.namespace === '') meta.namespace = 'default';
}

/** prepareObject turns one parsed document into a current-version, defaulted, validated object. */
export function prepareObject(doc: ManifestDocument): PreparedObject {
  const label = objectLabel(doc);
  const { apiVersion, kind } = doc.object;
  const missing = [
    ...(typeof apiVersion === 'string' && apiVersion ? [] : ['apiVersion not set']),
    ...(typeof kind === 'string' && kind ? [] : ['kind not set']),
  ];
  if (missing.length > 0) return { ok: false, errors: missing.map((m) => `${label}: ${m}`) };
  const resolved = resolveKind(apiVersion as string, kind as string);
  if (!resolved.ok) return { ok: false, errors: [`${label}: ${resolved.error}`] };
  const obj = structuredClone(doc.object);
  convertToCurrent(obj, resolved.info);
  setNamespace(obj, resolved.info.namespaced);
  // Status belongs to the server: controllers and kubelets write it, never a manifest.
  delete obj.status;
  applyDefaults(obj);
  const errors = formatFieldErrors(validateObject(obj));
  if (errors.length > 0) return { ok: false, errors: errors.map((e) => `${label}: ${e}`) };
  return { ok: true, object: obj as unknown as KubeObject };
}

/** identity is what makes two objects the same one: kind, namespace and name (unnamed objects get generated names). */
function identity(object: KubeObject): string | undefined {
  const { name, namespace } = object.metadata;
  return name ? `${object.kind}/${namespace ?? ''}/${name}` : undefined;
}

/** prepareManifest prepares every object of a manifest, all or nothing: any error anywhere returns every error and no objects. */
export function prepareManifest(yaml: string): PreparedManifest {
  const parsed = parseManifest(yaml);
  const errors: ManifestError[] = [...parsed.errors];
  const objects: KubeObject[] = [];
  const seen = new Map<string, ManifestDocument>();
  for (const doc of parsed.documents) {
    const prepared = prepareObject(doc);
    if (!prepared.ok) {
      errors.push(...prepared.errors.map((message) => ({ document: doc.document, message })));
      continue;
    }
    const id = identity(prepared.object);
    const first = id === undefined ? undefined : seen.get(id);
    if (first) errors.push({ document: doc.document, message: `${objectLabel(doc)}: already defined in ${describeLocation(first)} (same kind, namespace and name)` });
    else if (id !== undefined) seen.set(id, doc);
    objects.push(prepared.object);
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.document - b.document).map((e) => e.message) };
  if (objects.length === 0) return { ok: false, errors: ['no objects passed to apply'] };
  return { ok: true, objects };
}
