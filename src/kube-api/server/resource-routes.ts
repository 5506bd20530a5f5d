/** The verbs on one resource path: get, list, watch, create, update, patch and delete. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourcePath } from '../paths/parse-path.js';
import { methodNotAllowed } from '../status/status.js';
import { parseListOptions } from '../watch/list.js';
import { KubeApiError, readBody, sendJson } from './http-io.js';
import { gr, serveGet, serveList, type ReadScope } from './reads.js';
import { serveWatch } from './watch.js';
import type { WatchHub } from './watch-hub.js';
import { createObject, deleteObject, patchObject, replaceObject, type DomainWrites } from './writes.js';

/** ResourceRequest is one request on a resource path, with what serving it needs. */
export interface ResourceRequest {
  req: IncomingMessage & { body?: unknown };
  res: ServerResponse;
  query: URLSearchParams;
  path: ResourcePath;
  scope: ReadScope;
  hub: WatchHub;
  /** now is virtual now as RFC 3339, for managedFields times. */
  now: string;
}

function refuse(r: ResourceRequest, verb: string): never {
  throw new KubeApiError(methodNotAllowed(gr(r.scope.resource), verb));
}

/** statusOf narrows a path's subresource to the one writes accept (serveResource refuses the others first). */
const statusOf = (subresource: string | undefined): 'status' | undefined => (subresource === 'status' ? 'status' : undefined);

/** serveResource routes a resource request by method and path shape. */
export async function serveResource(r: ResourceRequest, writes: DomainWrites): Promise<void> {
  const { req, res, query, path, scope } = r;
  const name = path.name;
  const accept = req.headers.accept;
  if (path.subresource !== undefined && path.subresource !== 'status') refuse(r, req.method ?? 'GET');
  switch (req.method) {
    case 'GET': {
      const options = parseListOptions(query);
      if (options.watch || path.watch) return serveWatch(res, scope, options, accept, r.hub, name);
      return name === undefined ? serveList(res, scope, options, accept) : serveGet(res, scope, name, accept, options.includeObject);
    }
    case 'POST':
      if (name !== undefined) refuse(r, 'POST');
      return sendJson(res, 201, await createObject(scope, await readBody(req), writes));
    case 'PUT':
      if (name === undefined) refuse(r, 'PUT');
      return sendJson(res, 200, await replaceObject(scope, name, await readBody(req), writes, statusOf(path.subresource)));
    case 'PATCH': {
      if (name === undefined) refuse(r, 'PATCH');
      const request = { contentType: req.headers['content-type'] ?? '', body: await readBody(req), fieldManager: query.get('fieldManager') ?? undefined, force: query.get('force') === 'true', time: r.now };
      const { object, created } = await patchObject(scope, name, request, writes, statusOf(path.subresource));
      return sendJson(res, created ? 201 : 200, object);
    }
    case 'DELETE':
      if (name === undefined || path.subresource) refuse(r, 'DELETE');
      return sendJson(res, 200, await deleteObject(scope, name, await readBody(req), query, writes));
    default:
      refuse(r, req.method ?? '');
  }
}
