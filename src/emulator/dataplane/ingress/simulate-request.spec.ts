import type { Ingress } from '../../kube/ingress.js';
import { rejectionMessage } from '../../network/errors/rejection-message.js';
import { seedNetworkWorld, type NetworkWorld } from '../../network/index.js';
import { simulateRequest } from './simulate-request.js';

const seed = seedNetworkWorld();
const world: NetworkWorld = {
  ...seed,
  services: [...seed.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'default' }, spec: { clusterIP: '172.16.0.11', ports: [{ name: 'http', port: 8080 }] } }],
};
const ingress: Ingress = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'shop', namespace: 'default' },
  spec: {
    rules: [
      {
        host: 'shop.example.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } },
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } },
            { path: '/gone', pathType: 'Exact', backend: { service: { name: 'gone', port: { number: 80 } } } },
          ],
        },
      },
    ],
  },
};

describe('simulateRequest through an ingress', () => {
  it('given a matching rule, then it names the rule, the service and the pod that served it', () => {
    expect(simulateRequest(ingress, world, { host: 'shop.example.com', path: '/index.html' }, () => 0)).toEqual({
      status: 200,
      reason: 'served by default/web-b (1 ready endpoint)',
      rule: { field: 'spec.rules[0].http.paths[0]', host: 'shop.example.com', path: '/', pathType: 'Prefix' },
      service: 'default/web',
      servicePort: 'http',
      endpoint: { pod: 'default/web-b', ip: '10.0.1.3', port: 8080, nodeName: '172.0.0.3' },
    });
  });

  it.each([
    ['a service without endpoints', '/api/v1', 503, 'service default/api has no endpoints'],
    ['an unknown service', '/gone', 503, 'service default/gone not found'],
  ])('given %s, then %i with the reason', (_name, path, status, reason) => {
    expect(simulateRequest(ingress, world, { host: 'shop.example.com', path }, () => 0)).toMatchObject({ status, reason });
  });

  it('given an unknown host and no default backend, then 404 with the reason', () => {
    expect(simulateRequest(ingress, world, { host: 'www.example.com', path: '/' }, () => 0)).toEqual({
      status: 404,
      reason: 'no rule matches host "www.example.com", and the ingress has no default backend',
    });
  });

  it('given a default backend, then unmatched requests go there', () => {
    const withDefault = { ...ingress, spec: { ...ingress.spec, defaultBackend: { service: { name: 'web', port: { number: 80 } } } } };
    expect(simulateRequest(withDefault, world, { host: 'www.example.com', path: '/' }, () => 0)).toMatchObject({ status: 200, rule: { field: 'spec.defaultBackend' } });
  });

  it('rejects a request without a host or an absolute path', () => {
    expect(rejectionMessage(() => simulateRequest(ingress, world, { host: '', path: 'x' }, () => 0))).toBe(
      'host: Required value, path: Invalid value: "x": must be an absolute path',
    );
  });
});
