import { listObjects, matchesLabels, matchesSelector, type KubeObject, type Pod, type PodTemplateSpec, type ReplicaSetStatus } from '../../kube/index.js';
import type { Controller, ControllerAction, ControllerContext } from '../controller.js';
import { podsToDelete } from '../helpers/active-pods.js';
import { eventAbout, deleteAction, statusAction } from '../helpers/events.js';
import { generateName } from '../helpers/hash.js';
import { sameJson } from '../helpers/json.js';
import { claimObjects, controllerOf } from '../helpers/owners.js';
import { admitPod, isPodActive, isPodAvailable, isPodReady, podFromTemplate } from '../helpers/pods.js';

/** The ReplicaSet and ReplicationController controllers (pkg/controller/replicaset/replica_set.go), one pure reconcile each. */

/** BURST_REPLICAS caps the pods one sync creates or deletes, as kube-controller-manager's burstReplicas does. */
export const BURST_REPLICAS = 500;

/** ReplicatedKind says how a kind of replica keeper reads its selector and names its controller. */
export interface ReplicatedKind {
  readonly kind: 'ReplicaSet' | 'ReplicationController';
  readonly component: string;
  selects(owner: KubeObject, pod: Pod): boolean;
}

interface ReplicaSetLike extends KubeObject {
  spec: { replicas?: number; minReadySeconds?: number; selector?: unknown; template?: PodTemplateSpec };
  status?: ReplicaSetStatus;
}

/** REPLICA_SET reads a label selector (apps/v1 ReplicaSet). */
export const REPLICA_SET: ReplicatedKind = {
  kind: 'ReplicaSet',
  component: 'replicaset-controller',
  selects: (owner, pod) => matchesSelector((owner as ReplicaSetLike).spec.selector as Parameters<typeof matchesSelector>[0], pod.metadata.labels),
};

/** REPLICATION_CONTROLLER reads a plain label map (core/v1 ReplicationController). */
export const REPLICATION_CONTROLLER: ReplicatedKind = {
  kind: 'ReplicationController',
  component: 'replication-controller',
  selects: (owner, pod) => matchesLabels((owner as ReplicaSetLike).spec.selector as Record<string, string> | undefined, pod.metadata.labels),
};

/** replicaSetStatus is calculateStatus: pods counted, fully labeled, ready and available, with Go's omitempty zeros left out. */
export function replicaSetStatus(owner: ReplicaSetLike, pods: readonly Pod[], now: string): ReplicaSetStatus {
  const templateLabels = owner.spec.template?.metadata?.labels ?? {};
  const fullyLabeled = pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length;
  const ready = pods.filter(isPodReady);
  const available = ready.filter((p) => isPodAvailable(p, owner.spec.minReadySeconds, now)).length;
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready.length) status.readyReplicas = ready.length;
  if (available) status.availableReplicas = available;
  if (owner.metadata.generation) status.observedGeneration = owner.metadata.generation;
  if (owner.status?.conditions?.length) status.conditions = owner.status.conditions;
  return status;
}

/** relatedPods are the active pods of every replica keeper sharing this one's controller (a Deployment's other ReplicaSets). */
function relatedPods(owner: KubeObject, siblings: readonly KubeObject[], pods: readonly Pod[]): Pod[] {
  const parent = controllerOf(owner)?.uid;
  const uids = new Set(parent ? siblings.filter((s) => controllerOf(s)?.uid === parent).map((s) => s.metadata.uid) : [owner.metadata.uid]);
  return pods.filter((p) => uids.has(controllerOf(p)?.uid));
}

function createPods(kind: ReplicatedKind, owner: ReplicaSetLike, count: number, ctx: ControllerContext, taken: Set<string>): ControllerAction[] {
  const actions: ControllerAction[] = [];
  const template = owner.spec.template;
  if (!template) return actions;
  for (let i = 0; i < count; i++) {
    const name = generateName(`${owner.metadata.name}-`, ctx.random, (n) => taken.has(n));
    taken.add(name);
    const pod = admitPod(podFromTemplate(template, owner, name));
    pod.metadata.generateName = `${owner.metadata.name}-`;
    actions.push({ type: 'create', object: pod }, eventAbout(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, kind.component));
  }
  return actions;
}

/** syncReplicaSet claims the pods a replica keeper selects, creates or deletes pods to match spec.replicas, and reports status. */
export function syncReplicaSet(kind: ReplicatedKind, owner: ReplicaSetLike, siblings: readonly KubeObject[], pods: readonly Pod[], ctx: ControllerContext): ControllerAction[] {
  const active = pods.filter(isPodActive);
  const claim = claimObjects(owner, active, (pod) => kind.selects(owner, pod));
  const actions = [...claim.actions];
  const diff = claim.owned.length - (owner.spec.replicas ?? 1);
  if (diff < 0) {
    const taken = new Set(pods.map((p) => p.metadata.name ?? ''));
    actions.push(...createPods(kind, owner, Math.min(-diff, BURST_REPLICAS), ctx, taken));
  } else if (diff > 0) {
    const victims = podsToDelete(claim.owned, relatedPods(owner, siblings, active), Math.min(diff, BURST_REPLICAS), ctx.now);
    for (const pod of victims) actions.push(deleteAction(pod), eventAbout(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, kind.component));
  }
  const status = replicaSetStatus(owner, claim.owned, ctx.now);
  if (!sameJson(status, owner.status)) actions.push(statusAction(owner, status));
  return actions;
}

/** ReplicaSetController keeps every ReplicaSet's (or ReplicationController's) pods at spec.replicas. */
export class ReplicaSetController implements Controller {
  readonly name: string;

  constructor(private readonly kind: ReplicatedKind = REPLICA_SET) {
    this.name = kind === REPLICA_SET ? 'replicaset' : 'replicationcontroller';
  }

  reconcile(ctx: ControllerContext): ControllerAction[] {
    const owners = listObjects<ReplicaSetLike>(ctx.store, this.kind.kind);
    const podsByNamespace = new Map<string, Pod[]>();
    for (const pod of listObjects<Pod>(ctx.store, 'Pod')) {
      const ns = pod.metadata.namespace ?? '';
      const list = podsByNamespace.get(ns) ?? [];
      list.push(pod);
      podsByNamespace.set(ns, list);
    }
    return owners.flatMap((owner) => {
      const ns = owner.metadata.namespace ?? '';
      const siblings = owners.filter((o) => (o.metadata.namespace ?? '') === ns);
      return syncReplicaSet(this.kind, owner, siblings, podsByNamespace.get(ns) ?? [], ctx);
    });
  }
}
