import type { Ingress, IngressBackend } from '../../kube/ingress.js';
import type { Service } from '../../kube/service.js';
import { child, index, invalid, notFound, required, type FieldError } from '../../kube/validation/field-error.js';

/** TKE_HOST_MAX_LENGTH is the CLB's limit on a forwarding rule's domain. */
export const TKE_HOST_MAX_LENGTH = 80;

/** checkTkeHost applies the CLB's domain limits: 1 to 80 characters, at most one `*`, and only as the whole leftmost label. */
export function checkTkeHost(host: string, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (host.length > TKE_HOST_MAX_LENGTH) errors.push(invalid(field, host, `must be no more than ${TKE_HOST_MAX_LENGTH} characters (TKE's CLB domain limit)`));
  const stars = host.split('*').length - 1;
  if (stars > 1) errors.push(invalid(field, host, 'must contain at most one wildcard "*" (TKE\'s CLB domain limit)'));
  else if (stars === 1 && !(host.startsWith('*.') && host.length > 2)) errors.push(invalid(field, host, 'the wildcard "*" must be the whole leftmost label, as in *.example.com (TKE\'s CLB domain limit)'));
  return errors;
}

function checkBackend(backend: IngressBackend, field: string, services: readonly Service[] | undefined, namespace: string): FieldError[] {
  if (!backend.service) return [required(child(field, 'service'), "TKE's CLB forwards only to services")];
  if (services === undefined) return [];
  const at = child(field, 'service');
  const service = services.find((s) => (s.metadata.namespace ?? 'default') === namespace && s.metadata.name === backend.service!.name);
  if (!service) return [notFound(child(at, 'name'), backend.service.name)];
  const { number, name } = backend.service.port;
  const ports = service.spec.ports ?? [];
  if (number !== undefined && !ports.some((p) => p.port === number)) return [notFound(child(at, 'port', 'number'), number)];
  if (name !== undefined && !ports.some((p) => p.name === name)) return [notFound(child(at, 'port', 'name'), name)];
  return [];
}

/** validateTkeIngress checks what TKE adds to Kubernetes' own Ingress validation; given the services, it also checks every backend exists. */
export function validateTkeIngress(ingress: Ingress, services?: readonly Service[]): FieldError[] {
  const namespace = ingress.metadata.namespace ?? 'default';
  const errors: FieldError[] = [];
  (ingress.spec.rules ?? []).forEach((rule, i) => {
    const at = index('spec.rules', i);
    if (rule.host) errors.push(...checkTkeHost(rule.host, child(at, 'host')));
    (rule.http?.paths ?? []).forEach((path, j) => errors.push(...checkBackend(path.backend, child(index(child(at, 'http', 'paths'), j), 'backend'), services, namespace)));
  });
  (ingress.spec.tls ?? []).forEach((tls, i) => (tls.hosts ?? []).forEach((host, j) => errors.push(...checkTkeHost(host, `${index('spec.tls', i)}.hosts[${j}]`))));
  if (ingress.spec.defaultBackend) errors.push(...checkBackend(ingress.spec.defaultBackend, 'spec.defaultBackend', services, namespace));
  if (!ingress.spec.defaultBackend && (ingress.spec.rules ?? []).length === 0) errors.push(required('spec', 'either `defaultBackend` or `rules` must be specified'));
  return errors;
}
