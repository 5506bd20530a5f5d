import type { Ingress } from '../../kube/ingress.js';
import { formatFieldErrors } from '../../kube/validation/field-error.js';
import { rejectionMessage } from '../errors/rejection-message.js';
import { seedNetworkWorld } from '../world/seed-world.js';
import { desiredApplicationClb } from './application-clb.js';
import { validateTkeIngress } from './tke-ingress-validation.js';

const web = { service: { name: 'web', port: { number: 80 } } };
const withHost = (host: string): Ingress => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'default' },
  spec: { rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: web }] } }] },
});
const long = `${'a'.repeat(70)}.example.com`;

describe('TKE ingress limits', () => {
  it.each([
    ['a plain host', 'shop.example.com', []],
    ['a leftmost wildcard', '*.example.com', []],
    ['an 81-character host', long, [`spec.rules[0].host: Invalid value: "${long}": must be no more than 80 characters (TKE's CLB domain limit)`]],
    ['two wildcards', '*.*.example.com', ['spec.rules[0].host: Invalid value: "*.*.example.com": must contain at most one wildcard "*" (TKE\'s CLB domain limit)']],
    ['a wildcard not leftmost', 'shop.*.com', ['spec.rules[0].host: Invalid value: "shop.*.com": the wildcard "*" must be the whole leftmost label, as in *.example.com (TKE\'s CLB domain limit)']],
    ['a wildcard inside a label', 'sh*p.example.com', ['spec.rules[0].host: Invalid value: "sh*p.example.com": the wildcard "*" must be the whole leftmost label, as in *.example.com (TKE\'s CLB domain limit)']],
  ])('given %s, then validation says %j', (_name, host, messages) => {
    expect(formatFieldErrors(validateTkeIngress(withHost(host)))).toEqual(messages);
  });

  it('checks TLS hosts too', () => {
    const ingress = { ...withHost('a.com'), spec: { ...withHost('a.com').spec, tls: [{ hosts: ['a.com', '*.*.com'] }] } };
    expect(validateTkeIngress(ingress).map((e) => e.field)).toEqual(['spec.tls[0].hosts[1]']);
  });

  it.each([
    ['an unknown service', { service: { name: 'db', port: { number: 80 } } }, 'spec.rules[0].http.paths[0].backend.service.name: Not found: "db"'],
    ['an unknown port number', { service: { name: 'web', port: { number: 81 } } }, 'spec.rules[0].http.paths[0].backend.service.port.number: Not found: 81'],
    ['an unknown port name', { service: { name: 'web', port: { name: 'https' } } }, 'spec.rules[0].http.paths[0].backend.service.port.name: Not found: "https"'],
    ['a resource backend', { resource: { kind: 'Bucket', name: 'b' } }, "spec.rules[0].http.paths[0].backend.service: Required value: TKE's CLB forwards only to services"],
  ])('given the cluster’s services, then %s is refused with its field path', (_name, backend, message) => {
    const ingress: Ingress = { ...withHost('a.com'), spec: { rules: [{ host: 'a.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] } };
    expect(formatFieldErrors(validateTkeIngress(ingress, seedNetworkWorld().services))).toEqual([message]);
  });
});

describe('application CLB for an Ingress', () => {
  it('turns rules into forwarding rules, the VIP standing in for a missing host', () => {
    const ingress: Ingress = {
      ...withHost('shop.example.com'),
      spec: { defaultBackend: web, rules: [...withHost('shop.example.com').spec.rules!, { http: { paths: [{ path: '/status', pathType: 'Exact', backend: web }] } }] },
    };
    const clb = desiredApplicationClb(ingress, { id: 'lb-seed0002', vip: '118.89.10.11' });
    expect(clb.listeners).toHaveLength(1);
    expect(clb.listeners[0].rules.map((r) => `${r.domain}${r.url} ${r.pathType} → ${r.service}:${r.servicePort}`)).toEqual([
      'shop.example.com/ Prefix → web:80',
      '118.89.10.11/status Exact → web:80',
    ]);
    expect(clb.defaultBackend).toEqual({ service: 'web', servicePort: 80 });
  });

  it('refuses an ingress TKE cannot serve, applying nothing', () => {
    expect(rejectionMessage(() => desiredApplicationClb(withHost('*.*.com'), { id: 'lb-x', vip: '1.1.1.1' }))).toMatch(/^spec\.rules\[0\]\.host: Invalid value/);
  });
});
