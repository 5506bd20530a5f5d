import type { Service } from '../../kube/service.js';
import { CLUSTER_DOMAIN, type NetworkWorld } from '../world/network-world.js';
import { findService } from './service-endpoints.js';

/** ServiceLookup is what cluster DNS answers for a name: a Service, NXDOMAIN inside the cluster domain, or "not ours" (an external name). */
export type ServiceLookup =
  | { readonly kind: 'service'; readonly service: Service; readonly fqdn: string }
  | { readonly kind: 'nxdomain'; readonly fqdn: string }
  | { readonly kind: 'external' };

/** resolveServiceName follows a pod's resolv.conf search path (`<ns>.svc.<domain> svc.<domain> <domain>`) to a Service. */
export function resolveServiceName(world: Pick<NetworkWorld, 'services' | 'clusterDomain'>, name: string, clientNamespace = 'default'): ServiceLookup {
  const domain = world.clusterDomain ?? CLUSTER_DOMAIN;
  const host = name.replace(/\.$/, '').toLowerCase();
  const svcSuffix = `.svc.${domain}`;
  const candidates: Array<[string, string]> = [];
  if (host.endsWith(svcSuffix)) {
    const parts = host.slice(0, -svcSuffix.length).split('.');
    if (parts.length !== 2) return { kind: 'nxdomain', fqdn: host };
    const [svc, ns] = parts;
    const service = findService(world, ns, svc);
    return service ? { kind: 'service', service, fqdn: host } : { kind: 'nxdomain', fqdn: host };
  }
  const parts = host.split('.');
  if (parts.length === 1) candidates.push([parts[0], clientNamespace]);
  if (parts.length === 2) candidates.push([parts[0], parts[1]]);
  if (parts.length === 3 && parts[2] === 'svc') candidates.push([parts[0], parts[1]]);
  for (const [svc, ns] of candidates) {
    const service = findService(world, ns, svc);
    if (service) return { kind: 'service', service, fqdn: `${svc}.${ns}${svcSuffix}` };
  }
  return { kind: 'external' };
}
