/** Watch stream framing: one JSON event per line, as the API server writes a chunked watch. */
import { expired, type Status } from '../status/status.js';

/** WatchEventType is metav1.WatchEvent's type. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** WatchEvent is one event of a watch stream. */
export interface WatchEvent<T = unknown> {
  type: WatchEventType;
  object: T;
}

/** watchLine frames an event as one line of the stream. */
export function watchLine<T>(type: WatchEventType, object: T): string {
  return `${JSON.stringify({ type, object })}\n`;
}

/** INITIAL_EVENTS_END is the annotation a bookmark carries once a sendInitialEvents watch has caught up. */
export const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

/** bookmarkObject is the object of a BOOKMARK event: only kind, apiVersion and the resourceVersion. */
export function bookmarkObject(kind: string, apiVersion: string, resourceVersion: string, initialEventsEnd = false): Record<string, unknown> {
  const metadata: Record<string, unknown> = { resourceVersion };
  if (initialEventsEnd) metadata.annotations = { [INITIAL_EVENTS_END]: 'true' };
  return { kind, apiVersion, metadata };
}

/** bookmarkLine frames a BOOKMARK (send only when the client set allowWatchBookmarks=true). */
export function bookmarkLine(kind: string, apiVersion: string, resourceVersion: string, initialEventsEnd = false): string {
  return watchLine('BOOKMARK', bookmarkObject(kind, apiVersion, resourceVersion, initialEventsEnd));
}

/** errorLine frames an ERROR event carrying a Status. */
export function errorLine(status: Status): string {
  return watchLine('ERROR', status);
}

/** expiredLine is the ERROR event for a resourceVersion older than the retained history (410 Expired). */
export function expiredLine(requested: string | number, oldest: string | number): string {
  return errorLine(expired(requested, oldest));
}

/** parseWatchLines splits a chunk of stream text into complete events and the unfinished tail. */
export function parseWatchLines(buffer: string): { events: WatchEvent[]; rest: string } {
  const lines = buffer.split('\n');
  const rest = lines.pop() ?? '';
  return { events: lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as WatchEvent), rest };
}
