import { objectKey } from '../../../emulator/kube/index.js';
import type { StoredEvent } from '../../../platform/kernel/index.js';

/** Touched is what recent events changed in one cluster: pods by `namespace/name`, nodes by name, or everything. */
export interface Touched {
  readonly pods: Set<string>;
  readonly nodes: Set<string>;
  all: boolean;
}

type Ref = { namespace?: string | null; name?: string };
type Action = { type: string; object?: { kind: string; metadata: Ref }; names?: string[]; kind?: string } & Ref;

const keyOf = (ref: Ref): string => objectKey(ref.namespace ?? 'default', ref.name ?? '');

/** note records which pods and nodes one committed event touched. */
function note(touched: Touched, event: StoredEvent): void {
  const data = event.data as Record<string, unknown>;
  const pods = (refs: readonly Ref[]) => refs.forEach((r) => touched.pods.add(keyOf(r)));
  switch (event.type) {
    case 'PodsScheduled':
      return pods(data.outcomes as Ref[]);
    case 'PodsAdvanced':
    case 'PodsEvicted':
      return pods(data.pods as Ref[]);
    case 'ContainerCrashed':
      return pods([data as Ref]);
    case 'ObjectsApplied': {
      const objects = [...(data.created as Array<{ kind: string; metadata: Ref }>), ...(data.configured as Array<{ kind: string; metadata: Ref }>)];
      return pods(objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata));
    }
    case 'ObjectsReconciled':
      for (const a of data.actions as Action[]) {
        // Pods stamped unbound from a template are nothing yet to a kubelet or the scheduler's cache (the scheduler finds
        // pending pods through the store's index of unbound pods); a name used before was touched when its pod went.
        if (a.names) {
          const bound = (a.object as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName !== undefined;
          if (bound) for (const name of a.names) touched.pods.add(keyOf({ namespace: a.object?.metadata.namespace, name }));
        } else if (a.object?.kind === 'Pod') touched.pods.add(keyOf(a.object.metadata));
        else if (a.kind === 'Pod') touched.pods.add(keyOf(a));
        // A node's status.volumesAttached changing lets the kubelet start the pods waiting on it for their disks.
        else if (a.kind === 'Node' || a.object?.kind === 'Node') touched.nodes.add(a.name ?? a.object?.metadata.name ?? '');
      }
      return;
    case 'ObjectDeleted':
      if (data.kind === 'Pod') touched.pods.add(keyOf(data as Ref));
      if (data.kind === 'Node') touched.nodes.add(data.name as string);
      return;
    case 'NodeAdded':
    case 'NodeRemoved':
      touched.nodes.add(data.name as string);
      return;
    case 'NodeFailed':
    case 'NodeRecovered':
      touched.nodes.add(data.nodeName as string);
      return;
    case 'NodeHealthChanged':
      for (const name of [...(data.unreachable as string[]), ...(data.reachable as string[])]) touched.nodes.add(name);
      return;
    default:
      if (event.type.startsWith('Cluster')) touched.all = true;
  }
}

/** lastNoted is the last event noted and what it touched: every watch observes the same events, so the keys are built once. */
let lastNoted: { event: StoredEvent; touched: Touched } | undefined;

/** touchedBy is what one committed event touched. */
function touchedBy(event: StoredEvent): Touched {
  if (lastNoted?.event === event) return lastNoted.touched;
  const touched: Touched = { pods: new Set(), nodes: new Set(), all: false };
  note(touched, event);
  lastNoted = { event, touched };
  return touched;
}

/** ClusterWatch turns committed events into the pods and nodes they touched, for one of the loop's incremental planners. */
export class ClusterWatch {
  private readonly touched = new Map<string, Touched>();

  /** ignores, when given, says which events this watch's planner does not care about (it notes nothing of them). */
  constructor(private readonly ignores?: (event: StoredEvent) => boolean) {}

  /** take hands over what was touched since the last take (everything, the first time). */
  take(clusterId: string): Touched {
    const found = this.touched.get(clusterId) ?? { pods: new Set<string>(), nodes: new Set<string>(), all: true };
    this.touched.set(clusterId, { pods: new Set(), nodes: new Set(), all: false });
    return found;
  }

  /** forget drops a cluster's state, so the next take starts from everything. */
  forget(clusterId: string): void {
    this.touched.delete(clusterId);
  }

  /** touch marks pods as changed, e.g. pods a scheduling attempt assumed whatever came of it. */
  touch(clusterId: string, podKeys: Iterable<string>): void {
    const touched = this.touched.get(clusterId);
    if (touched) for (const key of podKeys) touched.pods.add(key);
  }

  observe(clusterId: string, event: StoredEvent): void {
    const touched = this.touched.get(clusterId);
    if (!touched || this.ignores?.(event)) return;
    const by = touchedBy(event);
    for (const key of by.pods) touched.pods.add(key);
    for (const name of by.nodes) touched.nodes.add(name);
    if (by.all) touched.all = true;
  }
}
