/** Answers to discovery and OpenAPI requests: `/version`, `/api`, `/apis`, resource lists and the OpenAPI v3 stubs. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { aggregatedDiscovery } from '../discovery/aggregated.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from '../discovery/legacy.js';
import { DISCOVERY_CONTENT_TYPES, negotiateDiscovery } from '../discovery/negotiate.js';
import { openApiDocument, openApiRoot } from '../discovery/openapi.js';
import { versionInfo } from '../discovery/version.js';
import type { ApiPath } from '../paths/parse-path.js';
import { pathNotFound } from '../status/status.js';
import { sendJson, sendStatus } from './http-io.js';

/** serveDiscovery answers a non-resource path; `prefix` is `/k8s/<clusterId>`, which OpenAPI's serverRelativeURLs need. */
export function serveDiscovery(path: Exclude<ApiPath, { type: 'resource' }>, req: IncomingMessage, res: ServerResponse, prefix: string): void {
  switch (path.type) {
    case 'version':
      return sendJson(res, 200, versionInfo());
    case 'core-versions':
    case 'groups': {
      const core = path.type === 'core-versions';
      const negotiated = negotiateDiscovery(req.headers.accept);
      if (negotiated !== 'legacy') return sendJson(res, 200, aggregatedDiscovery(core, negotiated), DISCOVERY_CONTENT_TYPES[negotiated]);
      return sendJson(res, 200, core ? apiVersions(req.headers.host ?? '127.0.0.1') : apiGroupList());
    }
    case 'group': {
      const group = apiGroup(path.group);
      return group ? sendJson(res, 200, group) : sendStatus(res, pathNotFound());
    }
    case 'resource-list': {
      const list = apiResourceList(path.group, path.version);
      return list ? sendJson(res, 200, list) : sendStatus(res, pathNotFound());
    }
    case 'openapi-root':
      return sendJson(res, 200, openApiRoot(prefix));
    case 'openapi': {
      const doc = openApiDocument(path.group, path.version);
      return doc ? sendJson(res, 200, doc) : sendStatus(res, pathNotFound());
    }
    case 'openapi-v2':
    case 'unknown':
      return sendStatus(res, pathNotFound());
  }
}
