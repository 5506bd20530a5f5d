import type { KubeObject } from '../../../emulator/kube/index.js';
import type { EventNote, EventSource, KubeEventObject } from './event-object.js';

/** COMBINED prefixes the message of an Event that stands for a flood of similar ones (client-go's events_cache.go). */
export const COMBINED = '(combined from similar events): ';
/** MAX_SIMILAR is how many distinct messages about one object, reason and source pass before they are combined. */
export const MAX_SIMILAR = 10;
/** SIMILAR_WINDOW_MS is how long a message counts towards combining. */
export const SIMILAR_WINDOW_MS = 600_000;

/** similarKey is client-go's aggregate key: source, involved object, type and reason. */
export function similarKey(source: EventSource, involved: KubeObject, fieldPath: string | undefined, type: string, reason: string): string {
  const { namespace, name, uid } = involved.metadata;
  return `${source.component}|${source.host ?? ''}|${uid ?? `${involved.kind}/${namespace ?? ''}/${name ?? ''}`}|${fieldPath ?? ''}|${type}|${reason}`;
}

/** similarKeyOf is a stored Event's similarKey. */
export function similarKeyOf(event: KubeEventObject): string {
  const { kind, namespace, name, uid, fieldPath } = event.involvedObject;
  return `${event.source.component}|${event.source.host ?? ''}|${uid ?? `${kind}/${namespace ?? ''}/${name}`}|${fieldPath ?? ''}|${event.type}|${event.reason}`;
}

/** noteKey is the key a repeat of an Event counts under: its similar key and message, or the similar key alone once combined. */
export function noteKey(similar: string, message: string): string {
  return message.startsWith(COMBINED) ? `${similar}|*` : `${similar}|=${message}`;
}

/** One message's first time, or several messages' (most groups hold one). */
type Group = { message: string; first: string } | Map<string, string>;

/**
 * EventAggregator is client-go's EventAggregator over the stored Events: once MAX_SIMILAR distinct messages with the same
 * source, object, type and reason fall within the window, further ones become one combined Event whose count grows.
 * It is derived from the stored Events alone (first timestamps, not memory of pruned ones), so a rebuild agrees with live.
 */
export class EventAggregator {
  private readonly groups = new Map<string, Group>();

  /** aggregate returns the message to record: as given, or combined when too many similar ones came recently. */
  aggregate(similar: string, note: EventNote, at: string): string {
    const group = this.groups.get(similar);
    if (!(group instanceof Map) || group.size < MAX_SIMILAR - 1 || group.has(note.message)) return note.message;
    // Timestamps are all toISOString()'s form, so they order as strings.
    const since = new Date(Date.parse(at) - SIMILAR_WINDOW_MS).toISOString();
    let recent = 0;
    for (const first of group.values()) if (first >= since) recent++;
    return recent < MAX_SIMILAR - 1 ? note.message : `${COMBINED}${note.message}`;
  }

  /** remember files a newly stored Event. */
  remember(event: KubeEventObject, similar: string): void {
    if (event.message.startsWith(COMBINED)) return;
    const first = event.firstTimestamp;
    const group = this.groups.get(similar);
    if (group === undefined) this.groups.set(similar, { message: event.message, first });
    else if (group instanceof Map) group.set(event.message, first);
    else if (group.message !== event.message) this.groups.set(similar, new Map([[group.message, group.first], [event.message, first]]));
  }

  /** forget drops a pruned Event. */
  forget(similar: string, message: string): void {
    const group = this.groups.get(similar);
    if (group === undefined) return;
    if (!(group instanceof Map)) {
      if (group.message === message) this.groups.delete(similar);
      return;
    }
    group.delete(message);
    if (group.size === 0) this.groups.delete(similar);
  }
}
