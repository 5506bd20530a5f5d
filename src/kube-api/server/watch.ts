/** `GET {collection}?watch=true`: a chunked stream of ADDED/MODIFIED/DELETED events from a resourceVersion, with bookmarks and 410 Expired. */
import type { ServerResponse } from 'node:http';
import { listObjects, type KubeObject } from '../../emulator/kube/index.js';
import { negotiateObject } from '../discovery/negotiate.js';
import { badRequest } from '../status/status.js';
import { bookmarkLine, expiredLine, watchLine, type WatchEventType } from '../watch/watch-event.js';
import type { ListOptions } from '../watch/list.js';
import { KubeApiError } from './http-io.js';
import { apiVersionOf, present, selectorMatcher, type ReadScope } from './reads.js';
import type { Change, WatchHub } from './watch-hub.js';

/** BOOKMARK_EVERY_MS is how often a watch that allows bookmarks gets one. */
const BOOKMARK_EVERY_MS = 30_000;

/** serveWatch streams changes to the scope's objects until the client goes or timeoutSeconds pass. */
export function serveWatch(res: ServerResponse, scope: ReadScope, options: ListOptions, accept: string | undefined, hub: WatchHub, nameFilter?: string): void {
  const matches = selectorMatcher(scope.resource, options, scope.resource.namespaced ? scope.namespace : undefined);
  const wanted = (o: KubeObject) => o.kind === scope.resource.kind && (nameFilter === undefined || o.metadata.name === nameFilter) && matches(o);
  const format = negotiateObject(accept);
  let first = true;
  const line = (type: WatchEventType, object: KubeObject): string => {
    const body = format.as === 'Table' ? present(scope, format, [object], false, options.includeObject, !first) : object;
    first = false;
    return watchLine(type, body);
  };
  const requested = options.resourceVersion;
  if (requested !== undefined && !/^\d+$/.test(requested)) throw new KubeApiError(badRequest(`invalid resource version: ${requested}`));
  const fromNow = requested === undefined || requested === '0';
  const replay = fromNow ? [] : hub.since(scope.store, Number(requested));
  res.writeHead(200, { 'Content-Type': format.contentType === 'application/json' ? 'application/json' : format.contentType, 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  if (replay === undefined) {
    res.end(expiredLine(requested!, hub.oldest(scope.store)));
    return;
  }
  let sent = scope.store.revision;
  if (fromNow) {
    const current = listObjects(scope.store, scope.resource.kind, scope.resource.namespaced ? scope.namespace : undefined).filter(wanted);
    for (const object of current) res.write(line('ADDED', object));
  }
  const send = (change: Change): void => {
    if (wanted(change.object)) res.write(line(change.type, change.object));
    sent = Math.max(sent, change.revision);
  };
  for (const change of replay) send(change);
  const bookmark = () => res.write(bookmarkLine(scope.resource.kind, apiVersionOf(scope.resource), String(sent), options.sendInitialEvents));
  if (options.allowWatchBookmarks && options.sendInitialEvents) bookmark();
  const unsubscribe = hub.subscribe(scope.store, send);
  const timers: NodeJS.Timeout[] = [];
  if (options.allowWatchBookmarks) timers.push(setInterval(() => res.write(bookmarkLine(scope.resource.kind, apiVersionOf(scope.resource), String(sent))), BOOKMARK_EVERY_MS));
  if (options.timeoutSeconds !== undefined) timers.push(setTimeout(() => res.end(), options.timeoutSeconds * 1000));
  res.on('close', () => {
    unsubscribe();
    for (const t of timers) clearTimeout(t);
  });
}
