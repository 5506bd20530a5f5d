import { getObject, type DaemonSet, type KubeObject, type ObjectStore, type Pod } from '../../kube/index.js';
import type { ControllerAction } from '../controller.js';
import {
  CONTROLLER_REVISION_HASH, newControllerRevision, revisionsOf, templatePatch, type ControllerRevision,
} from '../helpers/controller-revisions.js';
import { deleteAction, statusAction } from '../helpers/events.js';
import { computeHash } from '../helpers/hash.js';
import { clone, sameJson } from '../helpers/json.js';

/** A DaemonSet's ControllerRevisions (daemon/update.go's constructHistory and cleanupHistory). */

/** History is the revision matching the template (by its hash), the older ones, and any write to record them. */
export interface History {
  hash: string;
  old: ControllerRevision[];
  actions: ControllerAction[];
}

/** constructHistory finds the revision of the current template (renumbering it newest) or records a new one. */
export function constructHistory(ds: DaemonSet, store: ObjectStore): History {
  const patch = templatePatch(ds.spec.template);
  const all = revisionsOf(store, ds);
  const current = all.filter((r) => sameJson(r.data, patch));
  const old = all.filter((r) => !current.includes(r));
  const next = Math.max(0, ...old.map((r) => r.revision)) + 1;
  if (current.length > 0) {
    // Should duplicates exist, the highest revision is current (Kubernetes' dedupCurHistories would also delete the others).
    const cur = current[current.length - 1];
    const hash = cur.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? cur.metadata.name ?? '';
    if (cur.revision >= next) return { hash, old, actions: [] };
    const renumbered = clone(cur);
    renumbered.revision = next;
    return { hash, old, actions: [{ type: 'update', object: renumbered as unknown as KubeObject }] };
  }
  const hash = computeHash(ds.spec.template, ds.status?.collisionCount);
  const revision = newControllerRevision(ds, ds.spec.template.metadata?.labels, patch, next, hash);
  if (getObject(store, 'ControllerRevision', ds.metadata.namespace, revision.metadata.name ?? '')) {
    const status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0, ...ds.status };
    return { hash, old, actions: [statusAction(ds, { ...status, collisionCount: (ds.status?.collisionCount ?? 0) + 1 })] };
  }
  return { hash, old, actions: [{ type: 'create', object: revision as unknown as KubeObject }] };
}

/** cleanupHistory deletes the oldest revisions beyond revisionHistoryLimit that no pod still runs. */
export function cleanupHistory(ds: DaemonSet, history: History, pods: readonly Pod[]): ControllerAction[] {
  let toKill = history.old.length - (ds.spec.revisionHistoryLimit ?? 10);
  const live = new Set(pods.map((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH]).filter(Boolean));
  const actions: ControllerAction[] = [];
  for (const revision of history.old) {
    if (toKill <= 0) break;
    if (live.has(revision.metadata.labels?.[CONTROLLER_REVISION_HASH])) continue;
    actions.push(deleteAction(revision as unknown as KubeObject));
    toKill--;
  }
  return actions;
}
