import type { LoadBalancerRecord } from '../model/network.types.js';

/** loadBalancerView is a CLB as the API shows it: listeners for layer 4, forwarding rules for layer 7. */
export function loadBalancerView(clusterId: string, record: LoadBalancerRecord) {
  const clb = 'clb' in record.spec ? record.spec.clb : undefined;
  const app = 'application' in record.spec ? record.spec.application : undefined;
  const listeners = clb
    ? clb.listeners.map((l) => ({ protocol: l.protocol, port: l.port, nodePort: l.nodePort, backends: l.backends }))
    : (app?.listeners ?? []).map((l) => ({ protocol: l.protocol, port: l.port, nodePort: null, backends: [] }));
  const rules = (app?.listeners[0]?.rules ?? []).map((r) => ({ ...r, servicePort: String(r.servicePort) }));
  const { id, vip, kind, namespace, name, status, createdAt, readyAt } = record;
  return {
    id,
    clusterId,
    vip,
    kind,
    namespace,
    name,
    status,
    createdAt,
    readyAt,
    externalTrafficPolicy: clb?.externalTrafficPolicy ?? null,
    listeners,
    rules,
    defaultBackend: app?.defaultBackend ? `${app.defaultBackend.service}:${app.defaultBackend.servicePort}` : null,
  };
}

/** counts turns a tally into name/count pairs, largest first, then by name. */
export function counts(tally: Readonly<Record<string, number>>): Array<{ name: string; count: number }> {
  return Object.entries(tally)
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
