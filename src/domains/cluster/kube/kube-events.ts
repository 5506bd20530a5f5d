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

const dedupeKey = (o: KubeObject, note: EventNote): string => `${o.metadata.uid}|${note.reason}|${note.fieldPath ?? ''}|${note.message}`;

/** recordEvent adds an Event about an object, or counts a repeat of the same one, as the event recorder does. */
export function recordEvent(cluster: KubeCluster, involved: KubeObject, note: EventNote, source: EventSource, at: string): void {
  const index = (cluster.eventIndex ??= {});
  const key = dedupeKey(involved, note);
  const existing = index[key] ? (cluster.objects.Event?.[index[key]] as KubeEventObject | undefined) : undefined;
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
  index[key] = objectKey(namespace, event.metadata.name!);
  const order = (cluster.eventOrder ??= []);
  order.push(index[key]);
  // Prune a tenth at a time, oldest first, so pruning costs little per event.
  if (order.length <= MAX_EVENTS) return;
  for (const stale of order.splice(0, order.length - MAX_EVENTS * 0.9)) {
    const oldest = cluster.objects.Event?.[stale] as KubeEventObject | undefined;
    if (!oldest) continue;
    removeObject(cluster, 'Event', oldest.metadata.namespace, oldest.metadata.name!);
    delete index[dedupeKey({ metadata: { uid: oldest.involvedObject.uid } } as KubeObject, { ...oldest, fieldPath: oldest.involvedObject.fieldPath })];
  }
}
