/** POST, PUT, PATCH and DELETE: each request becomes a whole object run through the cluster domain's commands. */
import { parse as parseYaml } from 'yaml';
import { getObject, type KubeObject } from '../../emulator/kube/index.js';
import { applyJsonPatch } from '../patch/json-patch.js';
import { isObject, type Json, type JsonObject, type PatchResult } from '../patch/json.js';
import { applyMergePatch } from '../patch/merge-patch.js';
import { applyServerSide } from '../patch/server-side-apply.js';
import { applyStrategicMergePatch } from '../patch/strategic-merge.js';
import { badRequest, failure, unprocessable, unsupportedMediaType } from '../status/status.js';
import { KubeApiError } from './http-io.js';
import { prepareRequestObject } from './prepare-object.js';
import { getItem, type ReadScope } from './reads.js';

/** DomainWrites are the cluster domain's commands the facade issues; each resolves once the emulator has settled. */
export interface DomainWrites {
  write(object: KubeObject, mode: 'create' | 'update' | 'status'): Promise<void>;
  delete(kind: string, namespace: string | undefined, name: string, propagationPolicy: 'Background' | 'Foreground' | 'Orphan'): Promise<void>;
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const value = JSON.parse(body) as unknown;
    if (isObject(value)) return value;
  } catch {
    // fall through to the API server's wording
  }
  throw new KubeApiError(badRequest(`the body of the request was in an unknown format`));
}

function stored(scope: ReadScope, object: KubeObject): KubeObject {
  return getObject(scope.store, object.kind, object.metadata.namespace, object.metadata.name ?? '') ?? object;
}

/** createObject handles `POST {collection}`: 201 with the stored object. */
export async function createObject(scope: ReadScope, body: string, writes: DomainWrites): Promise<KubeObject> {
  const raw = parseJson(body);
  const meta = (isObject(raw.metadata) ? raw.metadata : (raw.metadata = {})) as Record<string, unknown>;
  if (!meta.name && typeof meta.generateName === 'string') meta.name = `${meta.generateName}${(scope.store.revision + 1).toString(36).padStart(5, 'x')}`;
  const prepared = prepareRequestObject(raw, scope.resource, scope.namespace);
  if (!prepared.ok) throw new KubeApiError(prepared.status);
  await writes.write(prepared.object, 'create');
  return stored(scope, prepared.object);
}

/** replaceObject handles `PUT {item}` and `PUT {item}/status` (only the status is taken): a stale metadata.resourceVersion gets 409 Conflict. */
export async function replaceObject(scope: ReadScope, name: string, body: string, writes: DomainWrites, subresource?: 'status'): Promise<KubeObject> {
  const prepared = prepareRequestObject(parseJson(body), scope.resource, scope.namespace, name);
  if (!prepared.ok) throw new KubeApiError(prepared.status);
  await writes.write(prepared.object, subresource ?? 'update');
  return stored(scope, prepared.object);
}

/** PatchRequest is a PATCH's media type and query options. */
export interface PatchRequest {
  contentType: string;
  body: string;
  fieldManager?: string;
  force: boolean;
  time: string;
}

function patched(live: KubeObject, request: PatchRequest): PatchResult {
  const type = request.contentType.split(';')[0].trim().toLowerCase();
  const doc = live as unknown as Json;
  if (type === 'application/json-patch+json') {
    try {
      return applyJsonPatch(doc, JSON.parse(request.body));
    } catch {
      return { ok: false, error: 'invalid JSON patch', badRequest: true };
    }
  }
  const patch = parseJson(request.body) as JsonObject;
  if (type === 'application/merge-patch+json') return { ok: true, value: applyMergePatch(doc, patch) };
  if (type === 'application/strategic-merge-patch+json') return applyStrategicMergePatch(doc, patch);
  throw new KubeApiError(unsupportedMediaType(type));
}

/** patchObject handles `PATCH {item}` (and `{item}/status`, keeping only the status) with JSON patch, merge patch, strategic merge patch or server-side apply (which upserts). */
export async function patchObject(scope: ReadScope, name: string, request: PatchRequest, writes: DomainWrites, subresource?: 'status'): Promise<{ object: KubeObject; created: boolean }> {
  const type = request.contentType.split(';')[0].trim().toLowerCase();
  if (type === 'application/apply-patch+yaml' && !subresource) return serverSideApply(scope, name, request, writes);
  const live = getItem(scope, name);
  const result = patched(live, request);
  if (!result.ok) throw new KubeApiError(result.badRequest ? badRequest(result.error) : unprocessable(result.error));
  const next = result.value as Record<string, unknown>;
  const prepared = prepareRequestObject(next, scope.resource, scope.namespace, name);
  if (!prepared.ok) throw new KubeApiError(prepared.status);
  await writes.write(prepared.object, subresource ?? 'update');
  return { object: stored(scope, prepared.object), created: false };
}

async function serverSideApply(scope: ReadScope, name: string, request: PatchRequest, writes: DomainWrites): Promise<{ object: KubeObject; created: boolean }> {
  if (!request.fieldManager) throw new KubeApiError(badRequest('PATCH, application/apply-patch+yaml requests require fieldManager to be set'));
  let applied: unknown;
  try {
    applied = parseYaml(request.body);
  } catch (e) {
    throw new KubeApiError(badRequest(`error decoding YAML: ${(e as Error).message}`));
  }
  if (!isObject(applied)) throw new KubeApiError(badRequest('the body of an apply patch must be an object'));
  const live = getObject(scope.store, scope.resource.kind, scope.resource.namespaced ? scope.namespace : undefined, name);
  const result = applyServerSide(live as unknown as JsonObject | undefined, applied, { manager: request.fieldManager, force: request.force, time: request.time });
  if (!result.ok) throw new KubeApiError(failure(409, 'Conflict', result.message, { name, ...(scope.resource.group ? { group: scope.resource.group } : {}), kind: scope.resource.resource, causes: result.conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}"`, field: c.field })) }));
  const prepared = prepareRequestObject(result.object, scope.resource, scope.namespace, name);
  if (!prepared.ok) throw new KubeApiError(prepared.status);
  await writes.write(prepared.object, live ? 'update' : 'create');
  return { object: stored(scope, prepared.object), created: !live };
}

/** deleteObject handles `DELETE {item}` with its propagation policy (Background, Foreground or Orphan), which the domain carries out in one command. */
export async function deleteObject(scope: ReadScope, name: string, body: string, query: URLSearchParams, writes: DomainWrites): Promise<KubeObject> {
  const live = getItem(scope, name);
  const options = body.trim() ? parseJson(body) : {};
  const policy = options.propagationPolicy ?? query.get('propagationPolicy') ?? (options.orphanDependents === true ? 'Orphan' : 'Background');
  if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') {
    throw new KubeApiError(badRequest(`propagationPolicy: Unsupported value: ${JSON.stringify(policy)}: supported values: "Background", "Foreground", "Orphan"`));
  }
  await writes.delete(live.kind, live.metadata.namespace, name, policy);
  return getObject(scope.store, live.kind, live.metadata.namespace, name) ?? live;
}
