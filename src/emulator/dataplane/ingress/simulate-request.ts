import type { Ingress, IngressBackend } from '../../kube/ingress.js';
import { invalid, required, type FieldError } from '../../kube/validation/field-error.js';
import { findService, findServicePort, matchIngress, NetworkInputError, pickEndpoint, readyEndpoints, type NetworkWorld, type Random } from '../../network/index.js';

/** HttpRequest is what a client sends to the ingress's CLB: a Host header and a path. */
export interface HttpRequest {
  readonly host: string;
  readonly path: string;
}

/** RequestOutcome says what the application CLB did: which rule matched, which service and pod served it, or the status and why not. */
export interface RequestOutcome {
  readonly status: 200 | 404 | 503;
  readonly reason: string;
  /** rule is the matched path's field (`spec.rules[1].http.paths[0]`), or `spec.defaultBackend`. */
  readonly rule?: { readonly field: string; readonly host?: string; readonly path?: string; readonly pathType?: string };
  readonly service?: string;
  readonly servicePort?: number | string;
  readonly endpoint?: { readonly pod?: string; readonly ip: string; readonly port: number; readonly nodeName?: string };
}

function checkRequest(request: HttpRequest): FieldError[] {
  const errors: FieldError[] = [];
  if (!request.host?.trim()) errors.push(required('host'));
  if (!request.path) errors.push(required('path'));
  else if (!request.path.startsWith('/')) errors.push(invalid('path', request.path, 'must be an absolute path'));
  return errors;
}

function serve(world: NetworkWorld, namespace: string, backend: IngressBackend, rule: RequestOutcome['rule'], random: Random): RequestOutcome {
  const wanted = backend.service;
  if (!wanted) return { status: 503, reason: 'the backend is a resource, not a service: TKE\'s CLB cannot forward to it', rule };
  const key = `${namespace}/${wanted.name}`;
  const servicePort = wanted.port.number ?? wanted.port.name ?? '';
  const base = { rule, service: key, servicePort };
  const service = findService(world, namespace, wanted.name);
  if (!service) return { ...base, status: 503, reason: `service ${key} not found` };
  const port = findServicePort(service, servicePort === '' ? undefined : servicePort);
  if (!port) return { ...base, status: 503, reason: `service ${key} has no port ${servicePort}` };
  const endpoints = readyEndpoints(world, service, port);
  if (endpoints.length === 0) return { ...base, status: 503, reason: `service ${key} has no endpoints` };
  const e = pickEndpoint(endpoints, random);
  const pod = e.pod ? `${e.pod.namespace}/${e.pod.name}` : undefined;
  return {
    ...base,
    status: 200,
    reason: `served by ${pod ?? e.ip} (${endpoints.length} ready endpoint${endpoints.length === 1 ? '' : 's'})`,
    endpoint: { ...(pod ? { pod } : {}), ip: e.ip, port: e.port, ...(e.nodeName ? { nodeName: e.nodeName } : {}) },
  };
}

/** simulateRequest sends one HTTP request through an Ingress's application CLB: host and path precedence, then a ready pod of the backend service chosen by `random`. */
export function simulateRequest(ingress: Ingress, world: NetworkWorld, request: HttpRequest, random: Random): RequestOutcome {
  const errors = checkRequest(request);
  if (errors.length > 0) throw new NetworkInputError(errors);
  const namespace = ingress.metadata.namespace ?? 'default';
  const match = matchIngress(ingress, request.host, request.path);
  if (match.kind === 'none') return { status: 404, reason: match.reason };
  if (match.kind === 'default') return serve(world, namespace, match.backend, { field: 'spec.defaultBackend' }, random);
  const { field, host, path, pathType } = match.route;
  return serve(world, namespace, match.route.backend, { field, ...(host ? { host } : {}), path, pathType }, random);
}
