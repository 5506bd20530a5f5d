import { matchesLabels, matchesSelector, type KubeObject, type ObjectStore, type Pod, type PodTemplateSpec, type ReplicaSetStatus } from '../../kube/index.js';
import { controlledGroup, countGroup, uncontrolledGroup, type IndexedObject } from '../../kube/store-index.js';
import { millis, stableJson } from '../helpers/json.js';
import { isAvailable, podFacts } from '../helpers/pod-facts.js';
import { isPodActive, isPodReady } from '../helpers/pods.js';

/** What a replica keeper's status reads of its pods (calculateStatus), counted from a list or kept running by the store's index. */

/** ReplicatedKind says how a kind of replica keeper reads its selector and names its controller. */
export interface ReplicatedKind {
  readonly kind: 'ReplicaSet' | 'ReplicationController';
  readonly component: string;
  selects(owner: KubeObject, pod: Pod): boolean;
}

/** ReplicaSetLike is a ReplicaSet or a ReplicationController. */
export interface ReplicaSetLike extends KubeObject {
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

/** Census counts a keeper's claimed pods: all of them, those carrying every template label, the ready and the available. */
export interface Census {
  owned: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

type LabelPairs = ReadonlyArray<readonly [string, string]>;

const labeledWith = (pairs: LabelPairs, pod: Pod): boolean => pairs.every(([k, v]) => pod.metadata.labels?.[k] === v);

/** censusOf counts claimed pods one by one. */
export function censusOf(owner: ReplicaSetLike, pods: readonly IndexedObject<Pod>[], now: string): Census {
  const pairs = Object.entries(owner.spec.template?.metadata?.labels ?? {});
  const at = millis(now);
  const census: Census = { owned: pods.length, fullyLabeled: 0, ready: 0, available: 0 };
  for (const entry of pods) {
    if (labeledWith(pairs, entry.object)) census.fullyLabeled++;
    const facts = podFacts(entry);
    if (facts.ready) census.ready++;
    if (isAvailable(facts, owner.spec.minReadySeconds, at)) census.available++;
  }
  return census;
}

/** Bits a controlled pod counts under in the running tally. */
const OWNED = 1, LABELED = 2, READY = 4, RELEASED = 8;

/**
 * runningCensus is the census of the claim without walking the pods: the index tallies the keeper's pods as they are
 * written. It is undefined when the claim would write (a pod to release or adopt) or time decides availability
 * (minReadySeconds): then only the full claim says what to do.
 */
export function runningCensus(kind: ReplicatedKind, owner: ReplicaSetLike, store: ObjectStore): Census | undefined {
  if (owner.spec.minReadySeconds) return undefined;
  const { namespace, uid } = owner.metadata;
  const selector = `${kind.kind} ${stableJson(owner.spec.selector)}`;
  const pairs = Object.entries(owner.spec.template?.metadata?.labels ?? {});
  // A tally's name holds everything its classifier reads of the owner, so any keeper with the same name counts alike.
  // Selection and labeling read only the labels, which a template's pods share as one frozen object (and which no
  // write changes in place): within this fold, pods with the labels of the pod before reuse its answer.
  let lastLabels: Pod['metadata']['labels'] | null = null;
  let labelBits = 0;
  const classify = ({ object: pod }: IndexedObject<Pod>): number => {
    if (!isPodActive(pod)) return 0;
    const labels = pod.metadata.labels;
    if (labels !== lastLabels || labels === undefined) {
      lastLabels = labels;
      labelBits = kind.selects(owner, pod) ? OWNED | (labeledWith(pairs, pod) ? LABELED : 0) : RELEASED;
    }
    return labelBits === RELEASED ? RELEASED : labelBits | (isPodReady(pod) ? READY : 0);
  };
  const [owned, fullyLabeled, ready, released] = countGroup(controlledGroup<Pod>(store, 'Pod', namespace, uid), `replicas ${selector} ${stableJson(pairs)}`, 4, classify);
  if (released > 0) return undefined;
  if (!owner.metadata.deletionTimestamp) {
    const adoptable = ({ object: pod }: IndexedObject<Pod>): number => (isPodActive(pod) && kind.selects(owner, pod) ? 1 : 0);
    if (countGroup(uncontrolledGroup<Pod>(store, 'Pod', namespace), `adoptable ${selector}`, 1, adoptable)[0] > 0) return undefined;
  }
  return { owned, fullyLabeled, ready, available: ready };
}

/** replicaSetStatus is calculateStatus over a census, with Go's omitempty zeros left out. */
export function replicaSetStatus(owner: ReplicaSetLike, census: Census): ReplicaSetStatus {
  const status: ReplicaSetStatus = { replicas: census.owned };
  if (census.fullyLabeled) status.fullyLabeledReplicas = census.fullyLabeled;
  if (census.ready) status.readyReplicas = census.ready;
  if (census.available) status.availableReplicas = census.available;
  if (owner.metadata.generation) status.observedGeneration = owner.metadata.generation;
  if (owner.status?.conditions?.length) status.conditions = owner.status.conditions;
  return status;
}
