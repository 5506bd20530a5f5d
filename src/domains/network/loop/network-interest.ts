import type { StoredEvent } from '../../../platform/kernel/index.js';

/** Kinds whose changes the route, service and ingress controllers read; the rest (pods, their events, workloads) cannot change a plan. */
const WATCHED_KINDS = new Set(['Node', 'Service', 'Ingress', 'Endpoints']);

/** POD_ONLY are the emulator's high-volume events about pods alone. */
const POD_ONLY = new Set(['PodsScheduled', 'PodsAdvanced', 'ContainerCrashed', 'PodsEvicted']);

type Action = { type: string; kind?: string; object?: { kind?: string }; involved?: unknown };

/** concernsNetwork says whether an event can change what the network controllers would do: conservative, so only pod-only traffic is ignored. */
export function concernsNetwork(event: StoredEvent): boolean {
  if (POD_ONLY.has(event.type)) return false;
  const data = event.data as { actions?: Action[]; created?: Array<{ kind?: string }>; configured?: Array<{ kind?: string }>; kind?: string } | null;
  if (event.type === 'ObjectsReconciled') return (data?.actions ?? []).some((a) => a.type !== 'event' && WATCHED_KINDS.has(a.kind ?? a.object?.kind ?? ''));
  if (event.type === 'ObjectsApplied') return [...(data?.created ?? []), ...(data?.configured ?? [])].some((o) => WATCHED_KINDS.has(o.kind ?? ''));
  if (event.type === 'ObjectDeleted') return WATCHED_KINDS.has(data?.kind ?? '');
  return true;
}

/** NetworkInterest remembers which clusters had nothing for the network controllers at their last pass and have seen nothing relevant since. */
export class NetworkInterest {
  private readonly settled = new Set<string>();

  /** observe marks a cluster unsettled when an event may concern its network. */
  observe(event: StoredEvent): void {
    const clusterId = (event.data as { clusterId?: string } | null)?.clusterId;
    if (clusterId && concernsNetwork(event)) this.settled.delete(clusterId);
  }

  /** isSettled: the last pass found nothing to do and nothing relevant happened since. */
  isSettled(clusterId: string): boolean {
    return this.settled.has(clusterId);
  }

  /** settle records that a pass found nothing to do. */
  settle(clusterId: string): void {
    this.settled.add(clusterId);
  }
}
