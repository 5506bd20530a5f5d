import { getObject, type Deployment, type PodTemplateSpec, type ReplicaSet } from '../../kube/index.js';
import type { ControllerAction } from '../controller.js';
import { newCondition, findCondition, setCondition } from '../helpers/conditions.js';
import { deleteAction, eventAbout, statusAction } from '../helpers/events.js';
import { computeHash } from '../helpers/hash.js';
import { clone, sameJson } from '../helpers/json.js';
import { controllerRef, isControlledBy } from '../helpers/owners.js';
import {
  byCreation, COMPONENT, DESIRED_REPLICAS, MAX_REPLICAS, maxSurge, POD_TEMPLATE_HASH, replicasOf, REVISION, REVISION_HISTORY, revisionOf, specTotal, isRollingUpdate, type Rollout,
} from './rollout.js';

/** The new ReplicaSet and revisions: sync.go's getNewReplicaSet and cleanupDeployment, deploymentutil's annotation rules. */

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const NOT_COPIED = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deployment.kubernetes.io/error-selector-overlapping-with', 'deployment.kubernetes.io/selector-updated-at']);

/** withoutHash is a template without its pod-template-hash label, for EqualIgnoreHash. */
function withoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const copy = clone(template);
  const labels = { ...copy.metadata?.labels };
  delete labels[POD_TEMPLATE_HASH];
  if (copy.metadata) copy.metadata.labels = Object.keys(labels).length ? labels : undefined;
  return copy;
}

/** equalIgnoreHash compares two pod templates, ignoring the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return sameJson(withoutHash(a), withoutHash(b));
}

/** findNewReplicaSet is the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: Deployment, sets: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...sets].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** hasProgressDeadline: progressDeadlineSeconds is set (and not MaxInt32). */
export const hasProgressDeadline = (d: Deployment): boolean => d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== 2147483647;

/** newReplicaSetAnnotations is SetNewReplicaSetAnnotations: the Deployment's annotations, the revision (kept if higher), rollback history. */
function newReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number): Record<string, string> {
  const annotations = { ...rs.metadata.annotations };
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!NOT_COPIED.has(k)) annotations[k] = v;
  const had = annotations[REVISION];
  const oldRevision = revisionOf(rs);
  if (oldRevision < newRevision) {
    annotations[REVISION] = String(newRevision);
    if (had !== undefined) annotations[REVISION_HISTORY] = annotations[REVISION_HISTORY] ? `${annotations[REVISION_HISTORY]},${had}` : had;
  }
  return annotations;
}

/** withRevision is a copy of the Deployment carrying a revision annotation, or undefined if it already does. */
function withRevision(d: Deployment, revision: string): Deployment | undefined {
  if (d.metadata.annotations?.[REVISION] === revision) return undefined;
  const copy = clone(d);
  copy.metadata.annotations = { ...copy.metadata.annotations, [REVISION]: revision };
  return copy;
}

/** newRSReplicas is NewRSNewReplicas: Recreate goes straight to spec.replicas, RollingUpdate up to the surge limit. */
export function newRSReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const maxTotal = replicasOf(d) + maxSurge(d);
  const current = specTotal(all);
  if (current >= maxTotal) return replicasOf(newRS);
  return replicasOf(newRS) + Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
}

/** syncExistingNewRS brings the new ReplicaSet's annotations and minReadySeconds up to date, then the Deployment's revision. */
function syncExistingNewRS(r: Rollout, newRS: ReplicaSet, newRevision: number): ControllerAction[] {
  const { d } = r;
  const annotations = newReplicaSetAnnotations(d, newRS, newRevision);
  if (!sameJson(annotations, newRS.metadata.annotations ?? {}) || (newRS.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)) {
    const copy = clone(newRS);
    copy.metadata.annotations = annotations;
    copy.spec.minReadySeconds = d.spec.minReadySeconds;
    return [{ type: 'update', object: copy }];
  }
  const actions: ControllerAction[] = [];
  const updated = withRevision(d, newRS.metadata.annotations?.[REVISION] ?? '');
  if (updated) actions.push({ type: 'update', object: updated });
  if (hasProgressDeadline(d) && !findCondition(d.status?.conditions, 'Progressing')) {
    const found = newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`, r.ctx.now);
    actions.push(statusAction(d, { ...d.status, conditions: setCondition(d.status?.conditions, found) }));
  }
  return actions;
}

/** createNewRS creates the Deployment's new ReplicaSet `<name>-<pod-template-hash>`, or bumps collisionCount on a hash collision. */
function createNewRS(r: Rollout, newRevision: number): ControllerAction[] {
  const { d, ctx } = r;
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const name = `${d.metadata.name}-${hash}`;
  const existing = getObject<ReplicaSet>(ctx.store, 'ReplicaSet', d.metadata.namespace, name);
  if (existing) {
    if (isControlledBy(existing, d) && equalIgnoreHash(existing.spec.template, d.spec.template)) return [];
    return [statusAction(d, { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 })];
  }
  const template = clone(d.spec.template);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
  const selector = clone(d.spec.selector);
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [controllerRef(d)] },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds, selector, template },
    status: { replicas: 0 },
  };
  rs.spec.replicas = newRSReplicas(d, [...r.old, rs], rs);
  rs.metadata.annotations = {
    ...newReplicaSetAnnotations(d, rs, newRevision),
    [DESIRED_REPLICAS]: String(replicasOf(d)),
    [MAX_REPLICAS]: String(replicasOf(d) + maxSurge(d)),
  };
  const actions: ControllerAction[] = [{ type: 'create', object: rs }];
  if (rs.spec.replicas > 0) actions.push(eventAbout(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${rs.spec.replicas}`, COMPONENT));
  const updated = withRevision(d, String(newRevision));
  if (updated) actions.push({ type: 'update', object: updated });
  if (hasProgressDeadline(d)) {
    const created = newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, ctx.now);
    actions.push(statusAction(d, { ...d.status, conditions: setCondition(d.status?.conditions, created) }));
  }
  return actions;
}

/** syncRevision is getAllReplicaSetsAndSyncRevision's writes: the new ReplicaSet's revision (created if asked), then the Deployment's. */
export function syncRevision(r: Rollout, create: boolean): ControllerAction[] {
  const newRevision = Math.max(0, ...r.old.map(revisionOf)) + 1;
  if (r.newRS) return syncExistingNewRS(r, r.newRS, newRevision);
  return create ? createNewRS(r, newRevision) : [];
}

/** cleanupDeployment deletes the oldest ReplicaSets beyond revisionHistoryLimit, only those scaled to zero and settled. */
export function cleanupDeployment(r: Rollout): ControllerAction[] {
  const limit = r.d.spec.revisionHistoryLimit;
  if (limit === undefined || limit === 2147483647) return [];
  const cleanable = r.old.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return [];
  const ordered = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  return ordered
    .slice(0, diff)
    .filter((rs) => (rs.status?.replicas ?? 0) === 0 && replicasOf(rs) === 0 && (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0))
    .map((rs) => deleteAction(rs));
}
