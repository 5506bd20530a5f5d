import { getObject, type KubeObject, type PersistentVolumeClaim, type Pod, type StatefulSet } from '../../kube/index.js';
import type { ControllerAction, ControllerContext } from '../controller.js';
import { templateOf } from '../helpers/controller-revisions.js';
import { deleteAction, eventAbout } from '../helpers/events.js';
import { clone, sameJson } from '../helpers/json.js';
import { isPodAvailable, isRunningAndReady } from '../helpers/pods.js';
import { claimRefs, claimsFor, COMPONENT, newStatefulSetPod, ordinalOf, replicasOf, revisionOfPod, startOrdinal } from './identity.js';
import type { Revisions } from './revisions.js';

/** One step of stateful_set_control.go's updateStatefulSet: create, replace and retire pods in ordinal order, then roll them. */

/** Step collects the writes of one pass; `exit` stops it where Kubernetes would return early. */
class Step {
  readonly actions: ControllerAction[] = [];
  private readonly deleted = new Set<string>();

  constructor(
    readonly set: StatefulSet,
    readonly r: Revisions,
    readonly ctx: ControllerContext,
  ) {}

  terminating(pod: Pod): boolean {
    return pod.metadata.deletionTimestamp !== undefined || this.deleted.has(pod.metadata.name ?? '');
  }

  healthy(pod: Pod): boolean {
    return isRunningAndReady(pod) && !this.terminating(pod);
  }

  available(pod: Pod): boolean {
    return isRunningAndReady(pod) && isPodAvailable(pod, this.set.spec.minReadySeconds, this.ctx.now);
  }

  note(reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): void {
    this.actions.push(eventAbout(this.set, type, reason, message, COMPONENT));
  }

  deletePod(pod: Pod): void {
    this.deleted.add(pod.metadata.name ?? '');
    this.actions.push(deleteAction(pod));
    this.note('SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${this.set.metadata.name} successful`);
  }

  /** createClaims creates the pod's missing claims; it says false when one is being deleted. */
  createClaims(podName: string, ordinal: number): boolean {
    for (const claim of claimsFor(this.set, ordinal)) {
      const existing = getObject<PersistentVolumeClaim>(this.ctx.store, 'PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name ?? '');
      if (existing?.metadata.deletionTimestamp) return false;
      if (existing) continue;
      this.actions.push({ type: 'create', object: claim });
      this.note('SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${podName} in StatefulSet ${this.set.metadata.name} success`);
    }
    return true;
  }

  /** fixClaimRefs brings the owner references of a pod's claims in line with the retention policy. */
  fixClaimRefs(pod: Pod, condemned: boolean): void {
    for (const claim of claimsFor(this.set, ordinalOf(pod))) {
      const existing = getObject<PersistentVolumeClaim>(this.ctx.store, 'PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name ?? '');
      if (!existing) continue;
      const refs = claimRefs(this.set, pod, condemned, existing.metadata.ownerReferences);
      if (sameJson(refs, existing.metadata.ownerReferences ?? [])) continue;
      const copy = clone(existing);
      copy.metadata.ownerReferences = refs;
      this.actions.push({ type: 'update', object: copy as KubeObject });
    }
  }

  /** newPod is newVersionedStatefulSetPod: below the partition from the current revision, else from the update revision. */
  newPod(ordinal: number): Pod {
    const { set, r } = this;
    const strategy = set.spec.updateStrategy;
    const rolling = (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const start = startOrdinal(set);
    const currentReplicas = set.status?.currentReplicas ?? 0;
    const useCurrent = (rolling && !strategy?.rollingUpdate && ordinal < start + currentReplicas) || (strategy?.rollingUpdate !== undefined && ordinal < start + (strategy.rollingUpdate.partition ?? 0));
    const revision = useCurrent ? r.current : r.update;
    return newStatefulSetPod(set, templateOf(revision), revision.metadata.name ?? '', ordinal);
  }
}

/** processReplica brings one in-range ordinal forward; true means stop here (monotonic waits, or an error). */
function processReplica(s: Step, pod: Pod | undefined, ordinal: number, monotonic: boolean): boolean {
  const setName = s.set.metadata.name;
  if (pod && (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded')) {
    if (s.terminating(pod)) return monotonic;
    const failed = pod.status.phase === 'Failed';
    const ns = s.set.metadata.namespace;
    if (failed) s.note('RecreatingFailedPod', `StatefulSet ${ns}/${setName} is recreating failed Pod ${pod.metadata.name}`, 'Warning');
    else s.note('RecreatingTerminatedPod', `StatefulSet ${ns}/${setName} is recreating terminated Pod ${pod.metadata.name}`);
    s.deletePod(pod);
    return true;
  }
  if (!pod) {
    const fresh = s.newPod(ordinal);
    if (!s.createClaims(fresh.metadata.name ?? '', ordinal)) return true;
    s.actions.push({ type: 'create', object: fresh });
    s.note('SuccessfulCreate', `create Pod ${fresh.metadata.name} in StatefulSet ${setName} successful`);
    return monotonic;
  }
  if (pod.status?.phase === 'Pending' && !s.createClaims(pod.metadata.name ?? '', ordinal)) return true;
  if (monotonic && (s.terminating(pod) || !isRunningAndReady(pod) || !s.available(pod))) return true;
  s.fixClaimRefs(pod, false);
  return false;
}

/** processCondemned retires one pod beyond the replicas; monotonic sets wait for it to be healthy and delete one at a time. */
function processCondemned(s: Step, pod: Pod, firstUnhealthy: Pod | undefined, monotonic: boolean): boolean {
  if (s.terminating(pod)) return monotonic;
  if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !s.available(pod))) return true;
  s.deletePod(pod);
  return monotonic;
}

/** rollingUpdate deletes the highest-ordinal pod at or above the partition that is not at the update revision, once all above are healthy. */
function rollingUpdate(s: Step, replicas: ReadonlyArray<Pod | undefined>): void {
  const partition = s.set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= partition; target--) {
    const pod = replicas[target];
    if (!pod) return;
    if (revisionOfPod(pod) !== s.r.update.metadata.name && !s.terminating(pod)) return s.deletePod(pod);
    if (!s.healthy(pod)) return;
  }
}

/** updateStatefulSet is one pass over a set's pods; it returns the writes, [] when the set is where it should be. */
export function updateStatefulSet(set: StatefulSet, pods: readonly Pod[], r: Revisions, ctx: ControllerContext): ControllerAction[] {
  const s = new Step(set, r, ctx);
  const start = startOrdinal(set);
  const replicas: Array<Pod | undefined> = Array.from({ length: replicasOf(set) }, () => undefined);
  const condemned: Pod[] = [];
  for (const pod of pods) {
    const ordinal = ordinalOf(pod);
    if (ordinal >= start && ordinal < start + replicas.length) replicas[ordinal - start] = pod;
    else if (ordinal >= 0) condemned.push(pod);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  const firstUnhealthy = replicas.some((p) => !p || !s.healthy(p)) ? undefined : [...condemned].reverse().find((p) => !s.healthy(p));
  const monotonic = set.spec.podManagementPolicy !== 'Parallel';
  for (let i = 0; i < replicas.length; i++) {
    if (processReplica(s, replicas[i], start + i, monotonic) && monotonic) return s.actions;
  }
  for (const pod of condemned) s.fixClaimRefs(pod, true);
  for (const pod of condemned) {
    if (processCondemned(s, pod, firstUnhealthy, monotonic) && monotonic) return s.actions;
  }
  if ((set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') rollingUpdate(s, replicas);
  return s.actions;
}
