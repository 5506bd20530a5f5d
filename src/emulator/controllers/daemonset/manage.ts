import type { DaemonSet, Node, Pod } from '../../kube/index.js';
import { CONTROLLER_REVISION_HASH } from '../helpers/controller-revisions.js';
import { millis } from '../helpers/json.js';
import { isPodAvailable, isPodReady } from '../helpers/pods.js';
import { nodeShouldRunDaemonPod } from './node-fit.js';
import { allowsSurge } from './update.js';

/** The DaemonSet manage loop (daemon_controller.go's podsShouldBeOnNode): which nodes need a daemon pod, which pods must go. */

/** byCreationAndPhase is podByCreationTimestampAndPhase: scheduled pods first, then oldest, then by name. */
export function byCreationAndPhase(a: Pod, b: Pod): number {
  if (!!a.spec.nodeName !== !!b.spec.nodeName) return a.spec.nodeName ? -1 : 1;
  const diff = millis(a.metadata.creationTimestamp) - millis(b.metadata.creationTimestamp);
  if (diff) return diff;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** NodeVerdict is what the manage loop decided for one node. */
export interface NodeVerdict {
  create: boolean;
  delete: Pod[];
  failed: Pod[];
}

/** surgeExcess keeps at most the oldest new pod and, while it is not yet available, the oldest ready old one. */
function surgeExcess(ds: DaemonSet, running: Pod[], hash: string, now: string): Pod[] {
  const excess: Pod[] = [];
  let oldestNew: Pod | undefined;
  let oldestOld: Pod | undefined;
  for (const pod of [...running].sort(byCreationAndPhase)) {
    const isNew = pod.metadata.labels?.[CONTROLLER_REVISION_HASH] === hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else excess.push(pod);
  }
  if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec.minReadySeconds, now))) excess.push(oldestOld);
  return excess;
}

/** podsShouldBeOnNode decides one node: create a missing daemon, replace failed ones, prune extras, or evict from a node it left. */
export function podsShouldBeOnNode(node: Node, pods: readonly Pod[] | undefined, ds: DaemonSet, hash: string, now: string): NodeVerdict {
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const verdict: NodeVerdict = { create: false, delete: [], failed: [] };
  if (shouldRun && pods === undefined) {
    verdict.create = true;
  } else if (shouldContinueRunning && pods) {
    const running: Pod[] = [];
    for (const pod of pods.filter((p) => !p.metadata.deletionTimestamp)) {
      if (pod.status?.phase === 'Failed') verdict.failed.push(pod);
      else if (pod.status?.phase === 'Succeeded') verdict.delete.push(pod);
      else running.push(pod);
    }
    if (!allowsSurge(ds)) verdict.delete.push(...[...running].sort(byCreationAndPhase).slice(1));
    else if (running.length === 0 && shouldRun) verdict.create = true;
    else if (running.length > 1) verdict.delete.push(...surgeExcess(ds, running, hash, now));
  } else if (!shouldContinueRunning && pods) {
    verdict.delete.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
  }
  return verdict;
}
