import { invalid } from '../kernel/domain-error.js';

/** MAX_PAGE is the largest `first` a connection accepts. */
export const MAX_PAGE = 500;

/** Connection is a Relay connection with `nodes` as a shortcut for `edges { node }`. */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

export function encodeCursor(kind: string, value: string | number): string {
  return Buffer.from(`${kind}:${value}`).toString('base64url');
}

/** decodeCursor reads a cursor of the given kind, naming the `after` argument when it is not one. */
export function decodeCursor(kind: string, cursor: string | null | undefined): string | undefined {
  if (cursor === null || cursor === undefined || cursor === '') return undefined;
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith(`${kind}:`)) throw invalid('after', cursor, `is not a ${kind} cursor from this connection`);
  return text.slice(kind.length + 1);
}

/** pageSize checks `first`. */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE) throw invalid('first', size, `must be between 0 and ${MAX_PAGE}`);
  return size;
}

/** connectionOf builds a page from items fetched one beyond the page size. */
export function connectionOf<T>(items: T[], size: number, cursorOf: (item: T) => string, totalCount?: number): Connection<T> {
  const page = items.slice(0, size);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: items.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}

/** pageOfList pages through an in-memory list by a key. */
export function pageOfList<T>(all: T[], kind: string, keyOf: (item: T) => string, first?: number | null, after?: string | null): Connection<T> {
  const size = pageSize(first);
  const afterKey = decodeCursor(kind, after);
  const start = afterKey === undefined ? 0 : all.findIndex((item) => keyOf(item) === afterKey) + 1;
  if (afterKey !== undefined && start === 0) throw invalid('after', after, 'points at nothing in this connection');
  return connectionOf(all.slice(start, start + size + 1), size, (item) => encodeCursor(kind, keyOf(item)), all.length);
}
