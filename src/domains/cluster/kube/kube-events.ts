import { objectKey, putObject, removeObject, type KubeObject } from '../../../emulator/kube/index.js';
import type { KubeCluster } from './kube.types.js';
import { EventAggregator, noteKey, similarKey, similarKeyOf } from './event-aggregator.js';
import type { EventNote, EventSource, KubeEventObject } from './event-object.js';

export type { EventNote, EventSource, KubeEventObject } from './event-object.js';

/** MAX_EVENTS bounds a cluster's Event objects, oldest dropped first (the API server expires them after an hour). */
export const MAX_EVENTS = 10_000;

/** Recorded is one stored Event with the keys the recorder filed it under. */
interface Recorded {
  readonly key: string;
  readonly repeat: string;
  readonly similar: string;
  readonly message: string;
}

/** Recorder is the event recorder's memory of a cluster: which Event a repeat counts into, similar events, and the Events oldest first. */
interface Recorder {
  readonly byNote: Map<string, string>;
  readonly similar: EventAggregator;
  order: Recorded[];
  head: number;
}

/** recorders are derived from the stored Events (rebuilt after a restart or replay), so they stay out of snapshots. */
const recorders = new WeakMap<KubeCluster, Recorder>();

function recorderOf(cluster: KubeCluster): Recorder {
  let recorder = recorders.get(cluster);
  if (!recorder) {
    recorder = { byNote: new Map(), similar: new EventAggregator(), order: [], head: 0 };
    for (const [key, object] of Object.entries(cluster.objects.Event ?? {})) {
      const event = object as KubeEventObject;
      const similar = similarKeyOf(event);
      file(recorder, event, { key, repeat: noteKey(similar, event.message), similar, message: event.message });
    }
    recorders.set(cluster, recorder);
  }
  return recorder;
}

function newEvent(cluster: KubeCluster, involved: KubeObject, note: EventNote, source: EventSource, at: string): KubeEventObject {
  const { namespace = 'default', name = '', uid, resourceVersion } = involved.metadata;
  const involvedObject: KubeEventObject['involvedObject'] = { apiVersion: involved.apiVersion, kind: involved.kind, namespace: involved.metadata.namespace, name, uid, resourceVersion };
  if (note.fieldPath) involvedObject.fieldPath = note.fieldPath;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${(cluster.revision + 1).toString(16).padStart(16, '0')}`, namespace, creationTimestamp: at },
    involvedObject,
    reason: note.reason,
    message: note.message,
    type: note.type,
    count: 1,
    firstTimestamp: at,
    lastTimestamp: at,
    source,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  };
}

/** recordEvent adds an Event about an object, counts a repeat into the same one, or folds a flood of similar ones together, as client-go's event recorder does. */
export function recordEvent(cluster: KubeCluster, involved: KubeObject, note: EventNote, source: EventSource, at: string): void {
  const recorder = recorderOf(cluster);
  const similar = similarKey(source, involved, note.fieldPath, note.type, note.reason);
  const message = recorder.similar.aggregate(similar, note, at);
  const repeatKey = noteKey(similar, message);
  const found = recorder.byNote.get(repeatKey);
  const existing = found === undefined ? undefined : (cluster.objects.Event?.[found] as KubeEventObject | undefined);
  if (existing) {
    existing.count++;
    existing.lastTimestamp = at;
    existing.message = message;
    putObject(cluster, existing);
    return;
  }
  const event = newEvent(cluster, involved, message === note.message ? note : { ...note, message }, source, at);
  putObject(cluster, event);
  file(recorder, event, { key: objectKey(event.metadata.namespace, event.metadata.name!), repeat: repeatKey, similar, message });
  if (recorder.order.length - recorder.head > MAX_EVENTS) prune(cluster, recorder);
}

function file(recorder: Recorder, event: KubeEventObject, recorded: Recorded): void {
  recorder.byNote.set(recorded.repeat, recorded.key);
  recorder.similar.remember(event, recorded.similar);
  recorder.order.push(recorded);
}

/** prune drops the oldest tenth of the Events, so pruning costs little per event. */
function prune(cluster: KubeCluster, recorder: Recorder): void {
  const until = recorder.order.length - MAX_EVENTS * 0.9;
  for (; recorder.head < until; recorder.head++) {
    const stale = recorder.order[recorder.head];
    const oldest = cluster.objects.Event?.[stale.key] as KubeEventObject | undefined;
    if (!oldest) continue;
    removeObject(cluster, 'Event', oldest.metadata.namespace, oldest.metadata.name!);
    recorder.byNote.delete(stale.repeat);
    recorder.similar.forget(stale.similar, stale.message);
  }
  if (recorder.head > MAX_EVENTS) {
    recorder.order = recorder.order.slice(recorder.head);
    recorder.head = 0;
  }
}
