import type { DaemonSet, Pod } from '../../kube/index.js';
import { CONTROLLER_REVISION_HASH } from '../helpers/controller-revisions.js';
import { scaledValue } from '../helpers/int-or-percent.js';
import { isPodAvailable } from '../helpers/pods.js';

/** The DaemonSet RollingUpdate strategy (daemon/update.go's rollingUpdate), over the pods per node. */

/** TEMPLATE_GENERATION labels daemon pods with the template generation they were made from. */
export const TEMPLATE_GENERATION = 'pod-template-generation';

/** templateGeneration is the deprecated.daemonset.template.generation annotation, else the object's generation. */
export function templateGeneration(ds: DaemonSet): string | undefined {
  const annotated = ds.metadata.annotations?.['deprecated.daemonset.template.generation'];
  return annotated ?? (ds.metadata.generation !== undefined ? String(ds.metadata.generation) : undefined);
}

/** isPodUpdated is util.IsPodUpdated: the pod carries the current hash or template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return (hash !== '' && labels[CONTROLLER_REVISION_HASH] === hash) || (generation !== undefined && labels[TEMPLATE_GENERATION] === generation);
}

/** surgeAndUnavailable resolves maxSurge and maxUnavailable against the desired pods (both rounded up); neither means one unavailable. */
export function surgeAndUnavailable(ds: DaemonSet, desired: number): { surge: number; unavailable: number } {
  const rolling = ds.spec.updateStrategy?.rollingUpdate;
  const surge = scaledValue(rolling?.maxSurge ?? 0, desired, true);
  const unavailable = scaledValue(rolling?.maxUnavailable ?? 1, desired, true);
  return { surge, unavailable: desired > 0 && surge === 0 && unavailable === 0 ? 1 : unavailable };
}

/** allowsSurge: RollingUpdate with a maxSurge above zero. */
export function allowsSurge(ds: DaemonSet): boolean {
  return (ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && surgeAndUnavailable(ds, 1).surge > 0;
}

/** updatedPodsOnNode is findUpdatedPodsOnNode: at most one new and one old live pod, or undefined when there are more. */
export function updatedPodsOnNode(pods: readonly Pod[], hash: string, generation: string | undefined): { newPod?: Pod; oldPod?: Pod } | undefined {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods.filter((p) => !p.metadata.deletionTimestamp)) {
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return undefined;
      newPod = pod;
    } else {
      if (oldPod) return undefined;
      oldPod = pod;
    }
  }
  return { newPod, oldPod };
}

/** RollingInput is what one rolling-update pass reads. */
export interface RollingInput {
  ds: DaemonSet;
  hash: string;
  /** byNode has an entry, possibly empty, for every node the daemon should run on, and any node with daemon pods. */
  byNode: ReadonlyMap<string, readonly Pod[]>;
  desired: number;
  shouldRun: (nodeName: string) => boolean;
  now: string;
}

/** rollingUpdate without surge: delete old pods while at most maxUnavailable daemons are unavailable; the manage loop replaces them. */
export function rollingUpdate(input: RollingInput): { deletePods: Pod[]; createOn: string[] } {
  const { ds, hash, byNode, desired, now } = input;
  const { surge, unavailable: maxUnavailable } = surgeAndUnavailable(ds, desired);
  if (surge > 0) return surgeUpdate(input, surge);
  const generation = templateGeneration(ds);
  const available = (pod: Pod) => isPodAvailable(pod, ds.spec.minReadySeconds, now);
  let numUnavailable = 0;
  const replace: Pod[] = [];
  const candidates: Pod[] = [];
  for (const pods of byNode.values()) {
    const found = updatedPodsOnNode(pods, hash, generation);
    if (!found || (!found.oldPod && !found.newPod) || (found.oldPod && found.newPod)) {
      numUnavailable++;
    } else if (found.newPod) {
      if (!available(found.newPod)) numUnavailable++;
    } else if (!available(found.oldPod!)) {
      replace.push(found.oldPod!);
      numUnavailable++;
    } else if (numUnavailable < maxUnavailable) {
      candidates.push(found.oldPod!);
    }
  }
  const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
  return { deletePods: [...replace, ...candidates.slice(0, remaining)], createOn: [] };
}

/** surgeUpdate: start a new pod beside an old one on up to maxSurge nodes, and delete the old one once the new is available. */
function surgeUpdate(input: RollingInput, maxSurge: number): { deletePods: Pod[]; createOn: string[] } {
  const { ds, hash, byNode, desired, shouldRun, now } = input;
  const generation = templateGeneration(ds);
  const available = (pod: Pod) => isPodAvailable(pod, ds.spec.minReadySeconds, now);
  const deletePods: Pod[] = [];
  const misplaced: Pod[] = [];
  const candidates: string[] = [];
  const allowed: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [nodeName, pods] of byNode) {
    const found = updatedPodsOnNode(pods, hash, generation);
    if (!found) {
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = found;
    if ((oldPod && available(oldPod)) || (!oldPod && newPod && available(newPod))) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun(nodeName)) deletePods.push(oldPod);
        else allowed.push(nodeName);
      } else if (!shouldRun(nodeName)) misplaced.push(oldPod);
      else if (numSurge < maxSurge) candidates.push(nodeName);
    } else if (!available(newPod)) {
      numSurge++;
    } else {
      deletePods.push(oldPod);
    }
  }
  const deletable = Math.min(Math.max(0, numAvailable - desired), misplaced.length);
  deletePods.push(...misplaced.slice(0, deletable));
  const remaining = Math.min(Math.max(0, maxSurge - numSurge), candidates.length);
  return { deletePods, createOn: [...allowed, ...candidates.slice(0, remaining)] };
}
