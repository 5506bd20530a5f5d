/** OpenAPI v3 stubs: enough for kubectl apply to see server-side field validation and skip its own. */
import { createHash } from 'node:crypto';
import { API_RESOURCES, servedGroupVersions, type ApiResource } from './api-resources.js';
import { SERVER_VERSION } from './version.js';

/** openApiPathOf is a group/version's key in `/openapi/v3`: `api/v1`, `apis/apps/v1`. */
export function openApiPathOf(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function itemPath(r: ApiResource): string {
  const ns = r.namespaced ? 'namespaces/{namespace}/' : '';
  return `/${openApiPathOf(r.group, r.version)}/${ns}${r.resource}/{name}`;
}

/** OpenApiDocument is the small OpenAPI 3.0 document served for one group/version. */
export interface OpenApiDocument {
  openapi: '3.0.0';
  info: { title: 'Kubernetes'; version: string };
  paths: Record<string, { patch: Record<string, unknown> }>;
}

/** openApiDocument is `/openapi/v3/{api/v1|apis/g/v}`: a PATCH path with its GVK and fieldValidation for every kind (no requestBody, on purpose). */
export function openApiDocument(group: string, version: string, resources: readonly ApiResource[] = API_RESOURCES): OpenApiDocument | undefined {
  const gv = servedGroupVersions(resources).find((g) => g.group === group && g.version === version);
  if (!gv) return undefined;
  const paths: OpenApiDocument['paths'] = {};
  for (const r of gv.resources) {
    paths[itemPath(r)] = {
      patch: {
        'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind },
        parameters: [{ name: 'fieldValidation', in: 'query', schema: { type: 'string' } }],
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  const { major, minor, patch } = SERVER_VERSION;
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: `v${major}.${minor}.${patch}` }, paths };
}

/** openApiHash is the `hash` kubectl caches a document under (upper-case SHA-512, as the server computes it). */
export function openApiHash(doc: OpenApiDocument): string {
  return createHash('sha512').update(JSON.stringify(doc)).digest('hex').toUpperCase();
}

/** openApiRoot is `/openapi/v3`: one serverRelativeURL per served group/version, under `prefix` if the client needs it. */
export function openApiRoot(prefix = '', resources: readonly ApiResource[] = API_RESOURCES): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of servedGroupVersions(resources)) {
    const key = openApiPathOf(gv.group, gv.version);
    const doc = openApiDocument(gv.group, gv.version, resources)!;
    paths[key] = { serverRelativeURL: `${prefix}/openapi/v3/${key}?hash=${openApiHash(doc)}` };
  }
  return { paths };
}
