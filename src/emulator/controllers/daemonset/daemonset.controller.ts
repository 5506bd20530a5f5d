import { getObject, listObjects, matchesSelector, type DaemonSet, type DaemonSetStatus, type Node, type Pod } from '../../kube/index.js';
import type { Controller, ControllerAction, ControllerContext } from '../controller.js';
import { CONTROLLER_REVISION_HASH } from '../helpers/controller-revisions.js';
import { deleteAction, eventAbout, statusAction } from '../helpers/events.js';
import { generateName } from '../helpers/hash.js';
import { clone, sameJson } from '../helpers/json.js';
import { claimObjects, objectsOf } from '../helpers/owners.js';
import { admitPod, isPodAvailable, isPodReady, isPodTerminal, podFromTemplate } from '../helpers/pods.js';
import { cleanupHistory, constructHistory } from './history.js';
import { byCreationAndPhase, podsShouldBeOnNode } from './manage.js';
import { nodeShouldRunDaemonPod, pinnedAffinity, targetNodeName, withDaemonTolerations } from './node-fit.js';
import { isPodUpdated, rollingUpdate, TEMPLATE_GENERATION, templateGeneration } from './update.js';

/** The DaemonSet controller (daemon_controller.go): one pod per fitting node, pinned there by node affinity. */

const COMPONENT = 'daemonset-controller';

/** Daemon is one DaemonSet's view of the world in a pass. */
interface Daemon {
  ds: DaemonSet;
  hash: string;
  nodes: Node[];
  /** byNode maps a node name to the daemon's pods targeting it (terminating ones included, deleted terminal ones not). */
  byNode: Map<string, Pod[]>;
  ctx: ControllerContext;
}

/** syncNodes is syncNodes: create pinned pods on nodes and delete pods, with the pod controller's events. */
function syncNodes(d: Daemon, deletePods: readonly Pod[], createOn: readonly string[]): ControllerAction[] {
  const { ds, hash, ctx } = d;
  const actions: ControllerAction[] = [];
  const created = new Set<string>();
  const taken = (name: string): boolean => created.has(name) || getObject(ctx.store, 'Pod', ds.metadata.namespace, name) !== undefined;
  const template = clone(ds.spec.template);
  template.spec.tolerations = withDaemonTolerations(template.spec);
  const generation = templateGeneration(ds);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...(generation ? { [TEMPLATE_GENERATION]: generation } : {}), [CONTROLLER_REVISION_HASH]: hash } };
  for (const nodeName of createOn) {
    const name = generateName(`${ds.metadata.name}-`, ctx.random, taken);
    created.add(name);
    const pod = podFromTemplate(template, ds, name);
    pod.metadata.generateName = `${ds.metadata.name}-`;
    pod.spec.affinity = pinnedAffinity(pod.spec.affinity, nodeName);
    actions.push({ type: 'create', object: admitPod(pod) }, eventAbout(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, COMPONENT));
  }
  for (const pod of deletePods) actions.push(deleteAction(pod), eventAbout(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, COMPONENT));
  return actions;
}

/** manage is the manage loop over every node, plus unscheduled pods aimed at nodes that no longer exist. */
function manage(d: Daemon): ControllerAction[] {
  const createOn: string[] = [];
  const deletePods: Pod[] = [];
  const warnings: ControllerAction[] = [];
  for (const node of d.nodes) {
    const verdict = podsShouldBeOnNode(node, d.byNode.get(node.metadata.name ?? ''), d.ds, d.hash, d.ctx.now);
    if (verdict.create) createOn.push(node.metadata.name ?? '');
    deletePods.push(...verdict.delete, ...verdict.failed);
    for (const pod of verdict.failed) {
      const message = `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node.metadata.name}, will try to kill it`;
      warnings.push(eventAbout(d.ds, 'Warning', 'FailedDaemonPod', message, COMPONENT));
    }
  }
  const known = new Set(d.nodes.map((n) => n.metadata.name));
  for (const [nodeName, pods] of d.byNode) if (!known.has(nodeName)) deletePods.push(...pods.filter((p) => !p.spec.nodeName && !p.metadata.deletionTimestamp));
  return [...warnings, ...syncNodes(d, deletePods, createOn)];
}

/** update runs the rolling update once the manage loop is content. */
function update(d: Daemon): ControllerAction[] {
  if ((d.ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return [];
  const byNode = new Map<string, readonly Pod[]>();
  const runs = new Set(d.nodes.filter((n) => nodeShouldRunDaemonPod(n, d.ds).shouldRun).map((n) => n.metadata.name ?? ''));
  for (const name of runs) byNode.set(name, []);
  for (const [name, pods] of d.byNode) byNode.set(name, pods);
  const plan = rollingUpdate({ ds: d.ds, hash: d.hash, byNode, desired: runs.size, shouldRun: (n) => runs.has(n), now: d.ctx.now });
  return syncNodes(d, plan.deletePods, plan.createOn);
}

/** daemonSetStatus counts desired, scheduled, misscheduled, ready, available and updated daemons. */
function daemonSetStatus(d: Daemon): DaemonSetStatus {
  const { ds, ctx } = d;
  const generation = templateGeneration(ds);
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
  for (const node of d.nodes) {
    const pods = d.byNode.get(node.metadata.name ?? '') ?? [];
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (pods.length > 0) misscheduled++;
      continue;
    }
    desired++;
    if (pods.length === 0) continue;
    current++;
    const pod = [...pods].sort(byCreationAndPhase)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, ds.spec.minReadySeconds, ctx.now)) available++;
    }
    if (isPodUpdated(pod, d.hash, generation)) updated++;
  }
  const status: DaemonSetStatus = { currentNumberScheduled: current, numberMisscheduled: misscheduled, desiredNumberScheduled: desired, numberReady: ready };
  if (ds.metadata.generation) status.observedGeneration = ds.metadata.generation;
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available) status.numberUnavailable = desired - available;
  if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
  if (ds.status?.conditions?.length) status.conditions = ds.status.conditions;
  return status;
}

/** syncDaemonSet is one step of a DaemonSet: claim pods, record the revision, manage nodes, roll, then report. */
export function syncDaemonSet(ds: DaemonSet, nodes: Node[], ctx: ControllerContext): ControllerAction[] {
  const claim = claimObjects<Pod>(ctx.store, 'Pod', ds, (pod) => matchesSelector(ds.spec.selector, pod.object.metadata.labels));
  if (claim.actions.length > 0) return claim.actions;
  const owned = objectsOf(claim.owned);
  const history = constructHistory(ds, ctx.store);
  if (history.actions.length > 0) return history.actions;
  const byNode = new Map<string, Pod[]>();
  for (const pod of owned) {
    const nodeName = targetNodeName(pod);
    if (nodeName === undefined || (isPodTerminal(pod) && pod.metadata.deletionTimestamp)) continue;
    byNode.set(nodeName, [...(byNode.get(nodeName) ?? []), pod]);
  }
  const d: Daemon = { ds, hash: history.hash, nodes, byNode, ctx };
  for (const step of [manage, update]) {
    const actions = step(d);
    if (actions.length > 0) return actions;
  }
  const status = daemonSetStatus(d);
  return [...cleanupHistory(ds, history, owned), ...(sameJson(status, ds.status ?? {}) ? [] : [statusAction(ds, status)])];
}

/** DaemonSetController runs one daemon pod on every node that fits, following nodes as they join and leave. */
export class DaemonSetController implements Controller {
  readonly name = 'daemonset';

  reconcile(ctx: ControllerContext): ControllerAction[] {
    const nodes = listObjects<Node>(ctx.store, 'Node');
    return listObjects<DaemonSet>(ctx.store, 'DaemonSet').flatMap((ds) => (ds.metadata.deletionTimestamp ? [] : syncDaemonSet(ds, nodes, ctx)));
  }
}
