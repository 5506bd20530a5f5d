/** List envelopes and the query options of list and watch requests. */

/** KubeList is a `PodList`-style envelope; `continue` is never set (kubectl's limit=500 is ignored). */
export interface KubeList<T> {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string };
  items: T[];
}

/** listOf wraps items as `<Kind>List` with the store's current resourceVersion. */
export function listOf<T>(kind: string, apiVersion: string, items: T[], resourceVersion: string | number): KubeList<T> {
  return { kind: `${kind}List`, apiVersion, metadata: { resourceVersion: String(resourceVersion) }, items };
}

/** ListOptions are the query parameters list and watch read. */
export interface ListOptions {
  watch: boolean;
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
  allowWatchBookmarks: boolean;
  sendInitialEvents: boolean;
  timeoutSeconds?: number;
  includeObject: 'None' | 'Metadata' | 'Object';
}

const truthy = (v: string | null): boolean => v === 'true' || v === '1';

/** parseListOptions reads list/watch options from a URL's query. */
export function parseListOptions(query: URLSearchParams): ListOptions {
  const include = query.get('includeObject');
  const timeout = query.get('timeoutSeconds');
  const options: ListOptions = {
    watch: truthy(query.get('watch')),
    allowWatchBookmarks: truthy(query.get('allowWatchBookmarks')),
    sendInitialEvents: truthy(query.get('sendInitialEvents')),
    includeObject: include === 'None' || include === 'Object' ? include : 'Metadata',
  };
  for (const key of ['resourceVersion', 'labelSelector', 'fieldSelector'] as const) {
    const value = query.get(key);
    if (value !== null && value !== '') options[key] = value;
  }
  if (timeout !== null && /^\d+$/.test(timeout)) options.timeoutSeconds = Number(timeout);
  return options;
}
