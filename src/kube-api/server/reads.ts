/** GET of collections and items from the cluster's store: selectors, all-namespaces lists, and Tables when asked. */
import type { ServerResponse } from 'node:http';
import { getObject, listObjects, type KubeObject, type ObjectStore } from '../../emulator/kube/index.js';
import type { ApiResource } from '../discovery/api-resources.js';
import { negotiateObject, type ObjectFormat } from '../discovery/negotiate.js';
import { checkFieldSelector, matchesFieldSelector, parseFieldSelector } from '../selectors/field-selector.js';
import { matchesLabelSelector, parseLabelSelector } from '../selectors/label-selector.js';
import { badRequest, notFound } from '../status/status.js';
import { buildTable, type IncludeObject } from '../tables/table.js';
import { printerFor } from '../tables/printers.js';
import { listOf, type ListOptions } from '../watch/list.js';
import { KubeApiError, sendJson } from './http-io.js';

/** ReadScope is what one resource request reads: the store, the resource, its namespace (none for all), and virtual now. */
export interface ReadScope {
  store: ObjectStore;
  resource: ApiResource;
  namespace?: string;
  now: number;
  /** view shows a stored object as of now (live heartbeats, MicroTime fields). */
  view: (object: KubeObject) => KubeObject;
}

/** Matcher says whether an object passes a request's label and field selectors. */
export type Matcher = (object: KubeObject) => boolean;

/** selectorMatcher parses the selectors of a list or watch, or throws the 400 the API server gives. */
export function selectorMatcher(resource: ApiResource, options: ListOptions, namespace?: string): Matcher {
  const labels = parseLabelSelector(options.labelSelector);
  if (typeof labels === 'string') throw new KubeApiError(badRequest(labels));
  const fields = parseFieldSelector(options.fieldSelector);
  if (typeof fields === 'string') throw new KubeApiError(badRequest(fields));
  const unsupported = checkFieldSelector(resource.kind, fields);
  if (unsupported) throw new KubeApiError(badRequest(unsupported));
  return (o) =>
    (namespace === undefined || o.metadata.namespace === namespace) &&
    matchesLabelSelector(labels, o.metadata.labels) &&
    matchesFieldSelector(resource.kind, o as unknown as Record<string, unknown>, fields);
}

/** apiVersionOf is the resource's `apps/v1` or `v1`. */
export const apiVersionOf = (r: ApiResource): string => (r.group ? `${r.group}/${r.version}` : r.version);

/** gr names the resource in Status messages. */
export const gr = (r: ApiResource) => ({ group: r.group, resource: r.resource });

/** present renders objects as the client asked: as they are (a list or one object) or as a Table. */
export function present(scope: ReadScope, format: ObjectFormat, objects: KubeObject[], single: boolean, include: IncludeObject, noHeaders = false): unknown {
  const resourceVersion = String(scope.store.revision);
  objects = objects.map(scope.view);
  if (format.as === 'Table') {
    const apiVersion = `meta.k8s.io/${format.version}`;
    return buildTable(objects, printerFor(scope.resource.kind), { now: scope.now, includeObject: include, resourceVersion: single ? undefined : resourceVersion, apiVersion, noHeaders });
  }
  if (single) return objects[0];
  return listOf(scope.resource.kind, apiVersionOf(scope.resource), objects, resourceVersion);
}

/** getItem returns one object or throws NotFound. */
export function getItem(scope: ReadScope, name: string): KubeObject {
  const object = getObject(scope.store, scope.resource.kind, scope.resource.namespaced ? scope.namespace : undefined, name);
  if (!object) throw new KubeApiError(notFound(gr(scope.resource), name));
  return object;
}

/** serveGet answers `GET {item}`. */
export function serveGet(res: ServerResponse, scope: ReadScope, name: string, accept: string | undefined, include: IncludeObject): void {
  const format = negotiateObject(accept);
  sendJson(res, 200, present(scope, format, [getItem(scope, name)], true, include), format.contentType);
}

/** serveList answers `GET {collection}` (one namespace, or all when the path has none). */
export function serveList(res: ServerResponse, scope: ReadScope, options: ListOptions, accept: string | undefined): void {
  const matches = selectorMatcher(scope.resource, options);
  const objects = listObjects(scope.store, scope.resource.kind, scope.resource.namespaced ? scope.namespace : undefined).filter(matches);
  const format = negotiateObject(accept);
  sendJson(res, 200, present(scope, format, objects, false, options.includeObject), format.contentType);
}
