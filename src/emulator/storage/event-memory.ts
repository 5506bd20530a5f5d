import type { ControllerAction } from '../controllers/controller.js';
import { eventAbout } from '../controllers/helpers/events.js';
import { listObjects, type KubeObject, type ObjectStore } from '../kube/index.js';

/** RESYNC_SECONDS is how often the PV controller repeats a waiting claim's event, as its 15 s resync period does. */
export const RESYNC_SECONDS = 15;

interface StoredEvent extends KubeObject {
  involvedObject?: { kind: string; name: string };
  reason?: string;
  message?: string;
  lastTimestamp?: string;
}

/** recentlyReported: an Event with this reason and message about the object was recorded less than `seconds` ago. */
export function recentlyReported(store: ObjectStore, object: KubeObject, reason: string, message: string, now: string, seconds = RESYNC_SECONDS): boolean {
  const since = Date.parse(now) - seconds * 1000;
  for (const event of listObjects<StoredEvent>(store, 'Event', object.metadata.namespace ?? 'default')) {
    const about = event.involvedObject;
    if (about?.kind !== object.kind || about.name !== object.metadata.name || event.reason !== reason || event.message !== message) continue;
    if (Date.parse(event.lastTimestamp ?? event.metadata.creationTimestamp ?? '') > since) return true;
  }
  return false;
}

/** reportOnce is an event action about the object unless the same was said within the resync period. */
export function reportOnce(store: ObjectStore, now: string, object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string): ControllerAction[] {
  return recentlyReported(store, object, reason, message, now) ? [] : [eventAbout(object, type, reason, message, component)];
}
