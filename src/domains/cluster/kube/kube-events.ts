import { objectKey, putObject, removeObject, type KubeObject } from '../../../emulator/kube/index.js';
import type { KubeCluster } from './kube.types.js';

/** MAX_EVENTS bounds a cluster's Event objects, oldest dropped first (the API server expires them after an hour). */
export const MAX_EVENTS = 10_000;

/** EventSource is who reported an event. */
export interface EventSource {
  readonly component: string;
  readonly host?: string;
}

/** EventNote is what a component says about an object. */
export interface EventNote {
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly fieldPath?: string;
}

/** KubeEventObject is a core/v1 Event. */
export interface KubeEventObject extends KubeObject {
  involvedObject: { apiVersion?: string; kind: string; namespace?: string; name: string; uid?: string; resourceVersion?: string; fieldPath?: string };
  reason: string;
  message: string;
  type: string;
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  source: EventSource;
  reportingComponent: string;
  reportingInstance: string;
}

const dedupeKey = (uid: string | undefined, note: EventNote): string => `${uid}|${note.reason}|${note.fieldPath ?? ''}|${note.message}`;

/** Recorder is the event recorder's memory of a cluster: which Event a repeat counts into, and the Events oldest first. */
interface Recorder {
  readonly byNote: Map<string, string>;
  readonly order: string[];
}

/** recorders are derived from the stored Events (rebuilt after a restart or replay), so they stay out of snapshots. */
const recorders = new WeakMap<KubeCluster, Recorder>();

function recorderOf(cluster: KubeCluster): Recorder {
  let recorder = recorders.get(cluster);
  if (!recorder) {
    recorder = { byNote: new Map(), order: [] };
    for (const [key, object] of Object.entries(cluster.objects.Event ?? {})) {
      const event = object as KubeEventObject;
      recorder.byNote.set(dedupeKey(event.involvedObject.uid, { ...event, fieldPath: event.involvedObject.fieldPath }), key);
      recorder.order.push(key);
    }
    recorders.set(cluster, recorder);
  }
  return recorder;
}

/** recordEvent adds an Event about an object, or counts a repeat of the same one, as the event recorder does. */
export function recordEvent(cluster: KubeCluster, involved: KubeObject, note: EventNote, source: EventSource, at: string): void {
  const recorder = recorderOf(cluster);
  const noteKey = dedupeKey(involved.metadata.uid, note);
  const found = recorder.byNote.get(noteKey);
  const existing = found === undefined ? undefined : (cluster.objects.Event?.[found] as KubeEventObject | undefined);
  if (existing) {
    existing.count++;
    existing.lastTimestamp = at;
    putObject(cluster, existing);
    return;
  }
  const { namespace = 'default', name = '' } = involved.metadata;
  const event: KubeEventObject = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${(cluster.revision + 1).toString(16).padStart(16, '0')}`, namespace, creationTimestamp: at },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      namespace: involved.metadata.namespace,
      name,
      uid: involved.metadata.uid,
      resourceVersion: involved.metadata.resourceVersion,
      ...(note.fieldPath ? { fieldPath: note.fieldPath } : {}),
    },
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
  putObject(cluster, event);
  const key = objectKey(namespace, event.metadata.name!);
  recorder.byNote.set(noteKey, key);
  recorder.order.push(key);
  // Prune a tenth at a time, oldest first, so pruning costs little per event.
  if (recorder.order.length <= MAX_EVENTS) return;
  for (const stale of recorder.order.splice(0, recorder.order.length - MAX_EVENTS * 0.9)) {
    const oldest = cluster.objects.Event?.[stale] as KubeEventObject | undefined;
    if (!oldest) continue;
    removeObject(cluster, 'Event', oldest.metadata.namespace, oldest.metadata.name!);
    recorder.byNote.delete(dedupeKey(oldest.involvedObject.uid, { ...oldest, fieldPath: oldest.involvedObject.fieldPath }));
  }
}
