import type { RandomSource } from '../clock/seeded-random.js';
import type { KubeObject, ObjectStore } from '../kube/index.js';

/** The contract between Kubernetes' controllers and the cluster's control loop: pure, level-triggered reconcilers. */

/** ControllerContext is everything a reconcile may read: the cluster's objects, the virtual time and the seeded generator. */
export interface ControllerContext {
  readonly store: ObjectStore;
  readonly now: string;
  readonly random: RandomSource;
}

/** InvolvedObject names what an event is about. */
export interface InvolvedObject {
  kind: string;
  namespace?: string;
  name: string;
}

/** EventNote is what a controller says about an object, as `kubectl describe` lists it. */
export interface EventNote {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/**
 * ControllerAction is one write a controller asks the API server for.
 * - create: a fully formed object (name, namespace, labels, ownerReferences); the store sets uid, resourceVersion, creationTimestamp.
 * - createPods: one create per name of pods stamped from the same template (`object` carries every field but the name), logged once.
 * - update: replaces everything of an existing object but its status (metadata, spec, and top-level data such as an Endpoints' subsets).
 * - status: replaces an object's status.
 * - delete: pods terminate gracefully (the kubelet removes them); other objects go at once.
 * - event: a core/v1 Event about an object.
 */
export type ControllerAction =
  | { type: 'create'; object: KubeObject }
  | { type: 'createPods'; object: KubeObject; names: string[] }
  | { type: 'update'; object: KubeObject }
  | { type: 'status'; kind: string; namespace?: string; name: string; status: unknown }
  | { type: 'delete'; kind: string; namespace?: string; name: string; propagationPolicy?: 'Foreground' }
  | { type: 'event'; involved: InvolvedObject; note: EventNote; source: { component: string } };

/** Controller is one of kube-controller-manager's loops: reconcile reads the store and returns the writes that move it towards the desired state, [] once it matches. */
export interface Controller {
  readonly name: string;
  reconcile(ctx: ControllerContext): ControllerAction[];
}
