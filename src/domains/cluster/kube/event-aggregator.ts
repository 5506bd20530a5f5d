import type { KubeObject } from '../../../emulator/kube/index.js';
import type { EventNote, EventSource, KubeEventObject } from './event-object.js';

/** COMBINED prefixes the message of an Event that stands for a flood of similar ones (client-go's events_cache.go). */
export const COMBINED = '(combined from similar events): ';
/** MAX_SIMILAR is how many distinct messages about one object, reason and source pass before they are combined. */
export const MAX_SIMILAR = 10;
/** SIMILAR_WINDOW_MS is how long a message counts towards combining. */
export const SIMILAR_WINDOW_MS = 600_000;

/** Filed is one stored Event as the recorder knows it: its key in the store, its message, when it was first seen. */
export interface Filed {
  readonly key: string;
  readonly message: string;
  readonly first: string;
  readonly combined: boolean;
  readonly group: SimilarGroup;
}

/** SimilarGroup is client-go's aggregate key — source, involved object, field, type and reason — with the Events filed under it. */
export interface SimilarGroup {
  readonly object: string;
  readonly component: string;
  readonly host: string;
  readonly fieldPath: string;
  readonly type: string;
  readonly reason: string;
  readonly filed: Filed[];
}

/** lastWindow is the window start last worked out: the Events of one pass share their timestamp, so most calls parse nothing. */
let lastWindow = { at: '', since: '' };

/** windowStart is the earliest first timestamp that still counts towards combining at `at`. */
function windowStart(at: string): string {
  if (at !== lastWindow.at) lastWindow = { at, since: new Date(Date.parse(at) - SIMILAR_WINDOW_MS).toISOString() };
  return lastWindow.since;
}

/** objectId names the involved object: its uid, or kind/namespace/name for an object without one. */
function objectId(kind: string, namespace: string | undefined, name: string | undefined, uid: string | undefined): string {
  return uid ?? `${kind}/${namespace ?? ''}/${name ?? ''}`;
}

/**
 * EventAggregator is client-go's EventAggregator and its repeat cache over the stored Events. Each Event is filed under
 * its similar group (found through the involved object, whose uid is a string kept for the object's life, so no long key
 * is built per event): a repeat of a message counts into its Event, and once MAX_SIMILAR distinct messages of a group fall
 * within the window, further ones become one combined Event whose count grows. It is derived from the stored Events alone
 * (first timestamps, not memory of pruned ones), so a rebuild agrees with live.
 */
export class EventAggregator {
  private readonly byObject = new Map<string, SimilarGroup[]>();

  /** group finds (or, with create, opens) the similar group of a note about an object from a source. */
  group(source: EventSource, involved: KubeObject, note: EventNote, create: true): SimilarGroup;
  group(source: EventSource, involved: KubeObject, note: EventNote, create: false): SimilarGroup | undefined;
  group(source: EventSource, involved: KubeObject, note: EventNote, create: boolean): SimilarGroup | undefined {
    const { namespace, name, uid } = involved.metadata;
    return this.find(objectId(involved.kind, namespace, name, uid), source.component, source.host ?? '', note.fieldPath ?? '', note.type, note.reason, create);
  }

  /** message returns the message to record in a group: as given, or combined when too many similar ones came recently. */
  message(group: SimilarGroup | undefined, note: EventNote, at: string): string {
    if (!group) return note.message;
    let distinct = 0;
    for (const filed of group.filed) {
      if (filed.combined) continue;
      if (filed.message === note.message) return note.message;
      distinct++;
    }
    if (distinct < MAX_SIMILAR - 1) return note.message;
    // Timestamps are all toISOString()'s form, so they order as strings.
    const since = windowStart(at);
    let recent = 0;
    for (const filed of group.filed) if (!filed.combined && filed.first >= since) recent++;
    return recent < MAX_SIMILAR - 1 ? note.message : `${COMBINED}${note.message}`;
  }

  /** repeat is the stored Event a message counts into: the group's Event with that message, or its combined Event. */
  repeat(group: SimilarGroup | undefined, message: string): Filed | undefined {
    if (!group) return undefined;
    const combined = message.startsWith(COMBINED);
    for (let i = group.filed.length - 1; i >= 0; i--) {
      const filed = group.filed[i];
      if (combined ? filed.combined : !filed.combined && filed.message === message) return filed;
    }
    return undefined;
  }

  /** file remembers a newly stored Event in its group. */
  file(group: SimilarGroup, key: string, event: KubeEventObject): Filed {
    const filed: Filed = { key, message: event.message, first: event.firstTimestamp, combined: event.message.startsWith(COMBINED), group };
    group.filed.push(filed);
    return filed;
  }

  /** fileStored remembers an Event read back from the store (after a restart or replay). */
  fileStored(key: string, event: KubeEventObject): Filed {
    const { kind, namespace, name, uid, fieldPath } = event.involvedObject;
    const group = this.find(objectId(kind, namespace, name, uid), event.source.component, event.source.host ?? '', fieldPath ?? '', event.type, event.reason, true)!;
    return this.file(group, key, event);
  }

  /** forget drops a pruned Event, and its group once empty. */
  forget(filed: Filed): void {
    const { group } = filed;
    const i = group.filed.indexOf(filed);
    if (i >= 0) group.filed.splice(i, 1);
    if (group.filed.length > 0) return;
    const groups = this.byObject.get(group.object);
    if (!groups) return;
    groups.splice(groups.indexOf(group), 1);
    if (groups.length === 0) this.byObject.delete(group.object);
  }

  private find(object: string, component: string, host: string, fieldPath: string, type: string, reason: string, create: boolean): SimilarGroup | undefined {
    const groups = this.byObject.get(object);
    if (groups) {
      for (const g of groups) if (g.reason === reason && g.component === component && g.host === host && g.fieldPath === fieldPath && g.type === type) return g;
    }
    if (!create) return undefined;
    const group: SimilarGroup = { object, component, host, fieldPath, type, reason, filed: [] };
    if (groups) groups.push(group);
    else this.byObject.set(object, [group]);
    return group;
  }
}
