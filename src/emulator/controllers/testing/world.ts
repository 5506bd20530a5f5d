import { SeededRandom } from '../../clock/seeded-random.js';
import { applyDefaults, emptyStore, getObject, listObjects, putObject, removeObject, uidFor, type KubeObject, type Node, type ObjectStore, type Pod, type Taint } from '../../kube/index.js';
import type { Controller, ControllerAction, ControllerContext } from '../controller.js';
import { clone } from '../helpers/json.js';
import { applyActions, type RecordedEvent } from './apply-actions.js';

/** A small world for controller specs: a store, a clock in seconds, a pretend scheduler and kubelet. */

/** T0 is when every spec's world begins. */
export const T0 = '2024-05-01T10:00:00.000Z';

/** at is T0 plus some seconds. */
export const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

/** World is a store with a clock; specs step it explicitly. */
export class World {
  readonly store: ObjectStore = emptyStore();
  readonly random = new SeededRandom(42);
  now = T0;

  /** add stores objects as the API server would (defaulted, with identity); statuses given are kept. */
  add(...objects: KubeObject[]): this {
    for (const object of objects) {
      const copy = clone(object);
      applyDefaults(copy as unknown as Record<string, unknown>);
      copy.metadata = { ...copy.metadata, uid: uidFor('test', this.store.revision + 1), creationTimestamp: this.now, generation: 1 };
      putObject(this.store, copy);
    }
    return this;
  }

  /** edit changes an object's spec the way `kubectl apply` would: generation bumps when the spec changes. */
  edit<T extends KubeObject>(kind: string, namespace: string | undefined, name: string, change: (object: T) => void): void {
    const object = listObjects<T>(this.store, kind).find((o) => o.metadata.name === name && o.metadata.namespace === namespace);
    if (!object) throw new Error(`${kind} ${name} not found`);
    const copy = clone(object);
    change(copy);
    applyActions(this.store, [{ type: 'update', object: copy }], this.now);
  }

  /** write changes a stored object in place as a component's write would, storing it again under a new resourceVersion. */
  write<T extends KubeObject>(kind: string, namespace: string | undefined, name: string, change: (object: T) => void): T {
    const object = getObject<T>(this.store, kind, namespace, name);
    if (!object) throw new Error(`${kind} ${name} not found`);
    change(object);
    putObject(this.store, object);
    return object;
  }

  /** remove deletes an object outright (a user's `kubectl delete` of a non-pod). */
  remove(kind: string, namespace: string | undefined, name: string): void {
    removeObject(this.store, kind, namespace, name);
  }

  /** removeNode deletes a node and, as the cluster's pod garbage collection does, the pods bound to it. */
  removeNode(name: string): void {
    removeObject(this.store, 'Node', undefined, name);
    for (const pod of listObjects<Pod>(this.store, 'Pod')) if (pod.spec.nodeName === name) removeObject(this.store, 'Pod', pod.metadata.namespace, pod.metadata.name ?? '');
  }

  context(): ControllerContext {
    return { store: this.store, now: this.now, random: this.random };
  }

  /** settle runs the controllers in order, committing each one's actions, until a whole round returns none. */
  settle(controllers: readonly Controller[], onCommit?: (actions: ControllerAction[]) => void, maxRounds = 100): ControllerAction[] {
    const all: ControllerAction[] = [];
    for (let round = 0; round < maxRounds; round++) {
      let acted = false;
      for (const controller of controllers) {
        const actions = controller.reconcile(this.context());
        if (actions.length === 0) continue;
        acted = true;
        applyActions(this.store, actions, this.now);
        all.push(...actions);
        onCommit?.(actions);
      }
      if (!acted) return all;
    }
    throw new Error(`controllers did not settle in ${maxRounds} rounds`);
  }

  pods(namespace = 'default'): Pod[] {
    return listObjects<Pod>(this.store, 'Pod', namespace);
  }

  events(): RecordedEvent[] {
    return listObjects<RecordedEvent>(this.store, 'Event');
  }

  /** schedule binds unbound pods: to the node their affinity pins, else round-robin over nodes by name. */
  schedule(): void {
    const nodes = listObjects<Node>(this.store, 'Node').map((n) => n.metadata.name ?? '').sort();
    let next = 0;
    for (const pod of listObjects<Pod>(this.store, 'Pod')) {
      if (pod.spec.nodeName || pod.metadata.deletionTimestamp || nodes.length === 0) continue;
      const term = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0];
      const pinned = term?.matchFields?.find((r) => r.key === 'metadata.name')?.values?.[0];
      if (pinned && !nodes.includes(pinned)) continue;
      pod.spec.nodeName = pinned ?? nodes[next++ % nodes.length];
      putObject(this.store, pod);
    }
  }

  /** start makes bound pods Running and Ready (or only Running), with an IP, now. */
  start(filter: (pod: Pod) => boolean = () => true, ready = true): void {
    for (const pod of listObjects<Pod>(this.store, 'Pod')) {
      if (!pod.spec.nodeName || pod.metadata.deletionTimestamp || !filter(pod)) continue;
      if (pod.status?.phase === 'Running' && (pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false) === ready) continue;
      markRunning(pod, this.now, ready, `10.0.0.${(this.store.revision % 250) + 2}`);
      putObject(this.store, pod);
    }
  }

  /** finishTerminating removes pods being deleted, as their kubelets do once containers stop. */
  finishTerminating(): void {
    for (const pod of listObjects<Pod>(this.store, 'Pod')) {
      if (pod.metadata.deletionTimestamp) removeObject(this.store, 'Pod', pod.metadata.namespace, pod.metadata.name ?? '');
    }
  }

  /** kubelet runs one step of the rest of the cluster: schedule, start and ready new pods, finish terminating ones. */
  kubelet(): void {
    this.finishTerminating();
    this.schedule();
    this.start();
  }
}

/** markRunning sets a pod Running, Ready or not, with an IP, as the kubelet stages would. */
export function markRunning(pod: Pod, now: string, ready: boolean, ip: string): void {
  const readyStatus = ready ? 'True' : 'False';
  pod.status = {
    ...pod.status,
    phase: 'Running',
    podIP: pod.status?.podIP ?? ip,
    hostIP: '172.16.0.1',
    conditions: [
      { type: 'Ready', status: readyStatus, lastTransitionTime: now },
      { type: 'ContainersReady', status: readyStatus, lastTransitionTime: now },
    ],
    containerStatuses: pod.spec.containers.map((c) => ({ name: c.name, image: c.image, imageID: '', ready, restartCount: 0, state: { running: { startedAt: now } }, lastState: {} })),
  };
}

/** node is a Ready node labelled with its hostname. */
export function node(name: string, o: { labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable, podCIDR: '10.0.0.0/24' },
    status: { conditions: [{ type: 'Ready', status: 'True' }], allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  };
}

/** template is a one-container pod template labelled app=<app>. */
export function template(app: string, image = 'nginx:1.25', extra: Partial<Pod['spec']> = {}) {
  return { metadata: { labels: { app } }, spec: { containers: [{ name: app, image }], ...extra } };
}
