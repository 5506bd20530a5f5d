import type { Ingress, IngressBackend } from '../../kube/ingress.js';
import { NetworkInputError } from '../errors/network-input-error.js';
import { ingressRoutes } from './ingress-match.js';
import { validateTkeIngress } from './tke-ingress-validation.js';

/** ClbForwardingRule is one domain and URL of an application CLB listener, forwarding to a service port. */
export interface ClbForwardingRule {
  readonly field: string;
  readonly domain: string;
  readonly url: string;
  readonly pathType: 'Exact' | 'Prefix';
  readonly service: string;
  readonly servicePort: number | string;
}

/** ApplicationClb is the layer-7 CLB TKE's ingress controller keeps for an Ingress: HTTP on 80, HTTPS on 443 when TLS is set. */
export interface ApplicationClb {
  readonly id: string;
  readonly vip: string;
  readonly ingress: { readonly namespace: string; readonly name: string };
  readonly listeners: ReadonlyArray<{ readonly protocol: 'HTTP' | 'HTTPS'; readonly port: 80 | 443; readonly rules: readonly ClbForwardingRule[] }>;
  readonly defaultBackend?: { readonly service: string; readonly servicePort: number | string };
}

const portOf = (backend: IngressBackend): number | string => backend.service?.port.number ?? backend.service?.port.name ?? '';

/** desiredApplicationClb turns an Ingress into CLB forwarding rules (a rule without a host takes the VIP as its domain), after TKE's checks. */
export function desiredApplicationClb(ingress: Ingress, identity: { id: string; vip: string }): ApplicationClb {
  const errors = validateTkeIngress(ingress);
  if (errors.length > 0) throw new NetworkInputError(errors);
  const rules = ingressRoutes(ingress).map(
    (route): ClbForwardingRule => ({
      field: route.field,
      domain: route.host ?? identity.vip,
      url: route.path,
      pathType: route.pathType === 'Exact' ? 'Exact' : 'Prefix',
      service: route.backend.service!.name,
      servicePort: portOf(route.backend),
    }),
  );
  const tls = (ingress.spec.tls ?? []).length > 0;
  const backend = ingress.spec.defaultBackend;
  return {
    id: identity.id,
    vip: identity.vip,
    ingress: { namespace: ingress.metadata.namespace ?? 'default', name: ingress.metadata.name ?? '' },
    listeners: [{ protocol: 'HTTP', port: 80, rules }, ...(tls ? [{ protocol: 'HTTPS' as const, port: 443 as const, rules }] : [])],
    ...(backend?.service ? { defaultBackend: { service: backend.service.name, servicePort: portOf(backend) } } : {}),
  };
}
