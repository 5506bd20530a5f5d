/** An API request's object made ready to store: its kind checked, converted, namespaced, defaulted and validated. */
import { applyDefaults, resolveKind, validateObject, type FieldError, type KubeObject } from '../../emulator/kube/index.js';
import { convertToCurrent } from '../../emulator/kube/manifest/convert.js';
import type { ApiResource } from '../discovery/api-resources.js';
import { badRequest, invalid, type Status } from '../status/status.js';

/** Prepared is the object to store, or the Status refusing it. */
export type Prepared = { ok: true; object: KubeObject } | { ok: false; status: Status };

/** prepareRequestObject checks a body against the URL's resource and namespace, then defaults and validates it (422 with field causes). */
export function prepareRequestObject(body: Record<string, unknown>, resource: ApiResource, namespace: string | undefined, name?: string): Prepared {
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : resource.group ? `${resource.group}/${resource.version}` : resource.version;
  const kind = typeof body.kind === 'string' ? body.kind : resource.kind;
  if (kind !== resource.kind) return { ok: false, status: badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${resource.kind})`) };
  const resolved = resolveKind(apiVersion, kind);
  if (!resolved.ok) return { ok: false, status: badRequest(resolved.error) };
  const obj = structuredClone({ ...body, apiVersion, kind }) as Record<string, unknown> & { metadata?: Record<string, unknown> };
  convertToCurrent(obj, resolved.info);
  const metadata = (obj.metadata ??= {});
  if (resource.namespaced) {
    if (metadata.namespace !== undefined && metadata.namespace !== '' && namespace !== undefined && metadata.namespace !== namespace) {
      return { ok: false, status: badRequest('the namespace of the provided object does not match the namespace sent on the request') };
    }
    metadata.namespace = namespace ?? metadata.namespace ?? 'default';
  } else delete metadata.namespace;
  if (name !== undefined && metadata.name !== undefined && metadata.name !== name) {
    return { ok: false, status: badRequest(`the name of the object (${String(metadata.name)}) does not match the name on the URL (${name})`) };
  }
  if (name !== undefined) metadata.name = name;
  applyDefaults(obj);
  const errors: FieldError[] = validateObject(obj);
  if (errors.length > 0) return { ok: false, status: invalid({ group: resource.group, kind: resource.kind }, String(metadata.name ?? ''), errors) };
  return { ok: true, object: obj as unknown as KubeObject };
}
