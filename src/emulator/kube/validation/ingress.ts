import type { Checker, Json } from './checker.js';
import { child, GoValue, index, invalid, notSupported, required } from './field-error.js';
import { isDNS1123Subdomain, isIPAddress, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNS1035Label, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta } from './object-meta.js';

/** Ingresses (networking.k8s.io/v1 shape), as ValidateIngressCreate checks them. */

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

function validateBackend(c: Checker, backend: Json, path: string): void {
  const service = c.rec(backend, 'service', path);
  const resource = c.rec(backend, 'resource', path);
  if (service && resource) return c.add(invalid(path, '', 'cannot set both resource and service backends'));
  if (resource) {
    if (!c.str(resource, 'kind', child(path, 'resource'))) c.add(required(child(path, 'resource', 'kind'), 'kind is required'));
    if (!c.str(resource, 'name', child(path, 'resource'))) c.add(required(child(path, 'resource', 'name'), 'name is required'));
    return;
  }
  if (!service) return c.add(invalid(path, '', 'resource or service backend is required'));
  const at = child(path, 'service');
  const name = c.str(service, 'name', at) ?? '';
  if (name === '') c.add(required(child(at, 'name')));
  else for (const msg of nameIsDNS1035Label(name, false)) c.add(invalid(child(at, 'name'), name, msg));
  const port = c.rec(service, 'port', at) ?? {};
  const portName = c.str(port, 'name', child(at, 'port')) ?? '';
  const portNumber = c.int(port, 'number', child(at, 'port')) ?? 0;
  if (portName && portNumber) c.add(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) for (const msg of isValidPortName(portName)) c.add(invalid(child(at, 'port', 'name'), portName, msg));
  else if (portNumber) for (const msg of isValidPortNum(portNumber)) c.add(invalid(child(at, 'port', 'number'), portNumber, msg));
  else c.add(required(path, 'port name or number is required'));
}

function validatePath(c: Checker, item: Json, at: string): void {
  const pathType = c.str(item, 'pathType', at);
  if (pathType === undefined) return c.add(required(child(at, 'pathType'), 'pathType must be specified'));
  const path = c.str(item, 'path', at) ?? '';
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!path.startsWith('/')) c.add(invalid(child(at, 'path'), path, 'must be an absolute path'));
    for (const seq of INVALID_SEQUENCES) if (path.includes(seq)) c.add(invalid(child(at, 'path'), path, `must not contain '${seq}'`));
    for (const suffix of INVALID_SUFFIXES) if (path.endsWith(suffix)) c.add(invalid(child(at, 'path'), path, `cannot end with '${suffix}'`));
  } else if (pathType === 'ImplementationSpecific') {
    if (path && !path.startsWith('/')) c.add(invalid(child(at, 'path'), path, 'must be an absolute path'));
  } else {
    c.add(notSupported(child(at, 'pathType'), pathType, PATH_TYPES));
  }
  validateBackend(c, c.rec(item, 'backend', at) ?? {}, child(at, 'backend'));
}

function validateRules(c: Checker, rules: Json[]): void {
  rules.forEach((rule, i) => {
    const at = index('spec.rules', i);
    const host = c.str(rule, 'host', at) ?? '';
    if (host) {
      if (isIPAddress(host)) c.add(invalid(child(at, 'host'), host, 'must be a DNS name, not an IP address'));
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) c.add(invalid(child(at, 'host'), host, msg));
    }
    const http = c.rec(rule, 'http', at);
    if (!http) return;
    const paths = c.records(http, 'paths', child(at, 'http'));
    if (paths.length === 0) c.add(required(child(at, 'http', 'paths')));
    paths.forEach((item, j) => validatePath(c, item, index(child(at, 'http', 'paths'), j)));
  });
}

/** validateIngress is ValidateIngressCreate for networking.k8s.io/v1 (extensions/v1beta1 manifests are converted first). */
export function validateIngress(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  const spec = c.rec(obj, 'spec', '') ?? {};
  const rules = c.records(spec, 'rules', 'spec');
  const backend = c.rec(spec, 'defaultBackend', 'spec');
  if (rules.length === 0 && !backend) c.add(invalid('spec', new GoValue('[]networking.IngressRule(nil)'), 'either `defaultBackend` or `rules` must be specified'));
  if (backend) validateBackend(c, backend, 'spec.defaultBackend');
  validateRules(c, rules);
  c.records(spec, 'tls', 'spec').forEach((tls, i) => {
    c.strings(tls, 'hosts', index('spec.tls', i)).forEach((host, j) => {
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) c.add(invalid(child(index('spec.tls', i), `hosts[${j}]`), host, msg));
    });
    const secret = c.str(tls, 'secretName', index('spec.tls', i));
    if (secret) for (const msg of nameIsDNSSubdomain(secret, false)) c.add(invalid(child(index('spec.tls', i), 'secretName'), secret, msg));
  });
  const className = c.str(spec, 'ingressClassName', 'spec');
  if (className !== undefined) for (const msg of nameIsDNSSubdomain(className, false)) c.add(invalid('spec.ingressClassName', className, msg));
}
