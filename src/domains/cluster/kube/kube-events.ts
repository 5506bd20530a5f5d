import { objectKey, putObject, putStoredObject, removeObject, type KubeObject } from '../../../emulator/kube/index.js';
import type { KubeCluster } from './kube.types.js';
import { EventAggregator, type Filed } from './event-aggregator.js';
import type { EventNote, EventSource, KubeEventObject } from './event-object.js';

export type { EventNote, EventSource, KubeEventObject } from './event-object.js';

/** MAX_EVENTS bounds a cluster's Event objects, oldest dropped first (the API server expires them after an hour). */
export const MAX_EVENTS = 10_000;

/** Recorder is the event recorder's memory of a cluster: the stored Events by similar group, and oldest first. */
interface Recorder {
  readonly similar: EventAggregator;
  order: Filed[];
  head: number;
}

/** recorders are derived from the stored Events (rebuilt after a restart or replay), so they stay out of snapshots. */
const recorders = new WeakMap<KubeCluster, Recorder>();

function recorderOf(cluster: KubeCluster): Recorder {
  let recorder = recorders.get(cluster);
  if (!recorder) {
    recorder = { similar: new EventAggregator(), order: [], head: 0 };
    for (const [key, object] of Object.entries(cluster.objects.Event ?? {})) recorder.order.push(recorder.similar.fileStored(key, object as KubeEventObject));
    recorders.set(cluster, recorder);
  }
  return recorder;
}

function newEvent(cluster: KubeCluster, involved: KubeObject, note: EventNote, source: EventSource, at: string): KubeEventObject {
  const { namespace = 'default', name = '', uid, resourceVersion } = involved.metadata;
  // Whole literals, fields in the order they were once added (resourceVersion comes with putObject): they stay in the object.
  const involvedObject: KubeEventObject['involvedObject'] = note.fieldPath
    ? { apiVersion: involved.apiVersion, kind: involved.kind, namespace: involved.metadata.namespace, name, uid, resourceVersion, fieldPath: note.fieldPath }
    : { apiVersion: involved.apiVersion, kind: involved.kind, namespace: involved.metadata.namespace, name, uid, resourceVersion };
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${(cluster.revision + 1).toString(16).padStart(16, '0')}`, namespace, creationTimestamp: at, resourceVersion: '' },
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
  // Opened at once if new (one lookup): an empty group combines nothing and repeats nothing, as no group does.
  const group = recorder.similar.group(source, involved, note, true);
  const message = recorder.similar.message(group, note, at);
  const repeat = recorder.similar.repeat(group, message);
  const existing = repeat === undefined ? undefined : (cluster.objects.Event?.[repeat.key] as KubeEventObject | undefined);
  if (existing) {
    existing.count++;
    existing.lastTimestamp = at;
    existing.message = message;
    putStoredObject(cluster, existing, repeat!.key);
    return;
  }
  const event = newEvent(cluster, involved, message === note.message ? note : { ...note, message }, source, at);
  const key = objectKey(event.metadata.namespace, event.metadata.name!);
  putObject(cluster, event, key);
  recorder.order.push(recorder.similar.file(group, key, event));
  if (recorder.order.length - recorder.head > MAX_EVENTS) prune(cluster, recorder);
}

/** prune drops the oldest tenth of the Events, so pruning costs little per event. */
function prune(cluster: KubeCluster, recorder: Recorder): void {
  const until = recorder.order.length - MAX_EVENTS * 0.9;
  for (; recorder.head < until; recorder.head++) {
    const stale = recorder.order[recorder.head];
    const oldest = cluster.objects.Event?.[stale.key] as KubeEventObject | undefined;
    recorder.similar.forget(stale);
    if (oldest) removeObject(cluster, 'Event', oldest.metadata.namespace, oldest.metadata.name!, stale.key);
  }
  if (recorder.head > MAX_EVENTS) {
    recorder.order = recorder.order.slice(recorder.head);
    recorder.head = 0;
  }
}
