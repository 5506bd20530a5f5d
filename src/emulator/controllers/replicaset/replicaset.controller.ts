import { getObject, type KubeObject, type ObjectStore, type Pod } from '../../kube/index.js';
import { controlledGroup, kindGroup, namespaceGroup } from '../../kube/store-index.js';
import type { Controller, ControllerAction, ControllerContext } from '../controller.js';
import { podsToDelete } from '../helpers/active-pods.js';
import { eventAbout, deleteAction, statusAction } from '../helpers/events.js';
import { generateName } from '../helpers/hash.js';
import { sameJson } from '../helpers/json.js';
import { claimObjects, controllerOf, objectsOf } from '../helpers/owners.js';
import { podFacts } from '../helpers/pod-facts.js';
import { admitPod, podFromTemplate } from '../helpers/pods.js';
import { censusOf, replicaSetStatus, REPLICA_SET, runningCensus, type Census, type ReplicaSetLike, type ReplicatedKind } from './census.js';

export { REPLICA_SET, REPLICATION_CONTROLLER, type ReplicatedKind } from './census.js';

/** The ReplicaSet and ReplicationController controllers (pkg/controller/replicaset/replica_set.go), one pure reconcile each. */

/** BURST_REPLICAS caps the pods one sync creates or deletes, as kube-controller-manager's burstReplicas does. */
export const BURST_REPLICAS = 500;

/** relatedPods are the active pods of every replica keeper sharing this one's controller (a Deployment's other ReplicaSets). */
function relatedPods(kind: ReplicatedKind, owner: KubeObject, store: ObjectStore): Pod[] {
  const { namespace } = owner.metadata;
  const parent = controllerOf(owner)?.uid;
  const siblings = namespaceGroup(store, kind.kind, namespace).list().map((e) => e.object);
  const uids = new Set(parent ? siblings.filter((s) => controllerOf(s)?.uid === parent).map((s) => s.metadata.uid) : [owner.metadata.uid]);
  const related: Pod[] = [];
  for (const uid of uids) for (const entry of controlledGroup<Pod>(store, 'Pod', namespace, uid).list()) if (podFacts(entry).active) related.push(entry.object);
  return related;
}

function createPods(kind: ReplicatedKind, owner: ReplicaSetLike, count: number, ctx: ControllerContext): ControllerAction[] {
  const template = owner.spec.template;
  if (!template || count <= 0) return [];
  const { namespace } = owner.metadata;
  const created = new Set<string>();
  for (let i = 0; i < count; i++) {
    created.add(generateName(`${owner.metadata.name}-`, ctx.random, (n) => created.has(n) || getObject(ctx.store, 'Pod', namespace, n) !== undefined));
  }
  // Every pod is the template stamped with its own name: one logged object stands for all of them.
  const pod = admitPod(podFromTemplate(template, owner, ''));
  delete pod.metadata.name;
  pod.metadata.generateName = `${owner.metadata.name}-`;
  const names = [...created];
  return [{ type: 'createPods', object: pod, names }, ...names.map((name) => eventAbout(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, kind.component))];
}

/** syncReplicaSet claims the pods a replica keeper selects, creates or deletes pods to match spec.replicas, and reports status. */
export function syncReplicaSet(kind: ReplicatedKind, owner: ReplicaSetLike, ctx: ControllerContext): ControllerAction[] {
  const replicas = owner.spec.replicas ?? 1;
  const running = runningCensus(kind, owner, ctx.store);
  // Without writes from the claim and nothing to delete, the running counts decide as the full claim would.
  if (running && running.owned <= replicas) return [...createPods(kind, owner, Math.min(replicas - running.owned, BURST_REPLICAS), ctx), ...statusWrite(owner, running)];
  const claim = claimObjects<Pod>(ctx.store, 'Pod', owner, (pod) => kind.selects(owner, pod.object), (pod) => podFacts(pod).active);
  const actions = [...claim.actions];
  const diff = claim.owned.length - replicas;
  if (diff < 0) {
    actions.push(...createPods(kind, owner, Math.min(-diff, BURST_REPLICAS), ctx));
  } else if (diff > 0) {
    const victims = podsToDelete(objectsOf(claim.owned), relatedPods(kind, owner, ctx.store), Math.min(diff, BURST_REPLICAS), ctx.now);
    for (const pod of victims) actions.push(deleteAction(pod), eventAbout(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, kind.component));
  }
  return [...actions, ...statusWrite(owner, censusOf(owner, claim.owned, ctx.now))];
}

/** statusWrite writes the status a census gives, unless it is already the stored one. */
function statusWrite(owner: ReplicaSetLike, census: Census): ControllerAction[] {
  const status = replicaSetStatus(owner, census);
  return sameJson(status, owner.status) ? [] : [statusAction(owner, status)];
}

/** ReplicaSetController keeps every ReplicaSet's (or ReplicationController's) pods at spec.replicas. */
export class ReplicaSetController implements Controller {
  readonly name: string;

  constructor(private readonly kind: ReplicatedKind = REPLICA_SET) {
    this.name = kind === REPLICA_SET ? 'replicaset' : 'replicationcontroller';
  }

  reconcile(ctx: ControllerContext): ControllerAction[] {
    const actions: ControllerAction[] = [];
    // An owner being deleted is left to the garbage collector, as kube's controllers leave it.
    for (const { object } of kindGroup<ReplicaSetLike>(ctx.store, this.kind.kind).list()) if (!object.metadata.deletionTimestamp) actions.push(...syncReplicaSet(this.kind, object, ctx));
    return actions;
  }
}
