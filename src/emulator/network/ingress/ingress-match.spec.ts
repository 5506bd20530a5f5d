import type { Ingress } from '../../kube/ingress.js';
import { hostMatch, matchIngress, pathMatches } from './ingress-match.js';

const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
const ingress = (spec: Ingress['spec']): Ingress => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'default' }, spec });

describe('ingress host matching', () => {
  it.each([
    ['foo.bar.com', 'foo.bar.com', 'exact'],
    ['foo.bar.com', 'FOO.bar.com:8080', 'exact'],
    ['*.bar.com', 'foo.bar.com', 'wildcard'],
    ['*.bar.com', 'bar.com', undefined],
    ['*.bar.com', 'baz.foo.bar.com', undefined],
    ['foo.bar.com', 'bar.com', undefined],
    [undefined, 'anything.example', 'any'],
  ])('rule host %s against request host %s → %s', (rule, host, expected) => {
    expect(hostMatch(rule, host)).toBe(expected);
  });
});

describe('ingress path matching (the Kubernetes documentation’s table)', () => {
  it.each([
    ['Prefix', '/', '/any/path', true],
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/bar', false],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo/', '/foo', false],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/foo/', '/foo/', true],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
    ['Prefix', '/foo', '/foobar', false],
    ['ImplementationSpecific', '/foo', '/foo/bar', true],
    ['Prefix', '/foo', '/foo/bar?x=1', true],
  ] as const)('%s %s against %s → %s', (type, rule, request, expected) => {
    expect(pathMatches(type, rule, request)).toBe(expected);
  });
});

describe('ingress precedence', () => {
  const spec: Ingress['spec'] = {
    defaultBackend: backend('fallback'),
    rules: [
      { host: '*.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('wild') }] } },
      {
        host: 'shop.example.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: backend('shop-root') },
            { path: '/cart', pathType: 'Prefix', backend: backend('cart-prefix') },
            { path: '/cart', pathType: 'Exact', backend: backend('cart-exact') },
            { path: '/cart/items', pathType: 'Prefix', backend: backend('items') },
          ],
        },
      },
      { http: { paths: [{ path: '/status', pathType: 'Exact', backend: backend('status') }] } },
    ],
  };
  const served = (host: string, path: string): string => {
    const match = matchIngress(ingress(spec), host, path);
    return match.kind === 'rule' ? match.route.backend.service!.name : match.kind;
  };

  it.each([
    ['an exact host beats a wildcard', 'shop.example.com', '/', 'shop-root'],
    ['a wildcard serves other one-label hosts', 'blog.example.com', '/x', 'wild'],
    ['Exact beats Prefix on the same path', 'shop.example.com', '/cart', 'cart-exact'],
    ['Prefix serves below the path', 'shop.example.com', '/cart/1', 'cart-prefix'],
    ['the longest prefix wins', 'shop.example.com', '/cart/items/9', 'items'],
    ['prefixes match whole elements', 'shop.example.com', '/cartoon', 'shop-root'],
    ['rules without a host serve other hosts', '1.2.3.4', '/status', 'status'],
    ['unmatched requests go to the default backend', '1.2.3.4', '/nope', 'default'],
  ])('%s: %s%s → %s', (_name, host, path, expected) => {
    expect(served(host, path)).toBe(expected);
  });

  it('without a default backend, an unmatched request is a 404 with the reason', () => {
    expect(matchIngress(ingress({ rules: spec.rules!.slice(1, 2) }), 'other.org', '/')).toEqual({
      kind: 'none',
      reason: 'no rule matches host "other.org", and the ingress has no default backend',
    });
    expect(matchIngress(ingress({ rules: [{ host: 'a.com', http: { paths: [{ path: '/x', pathType: 'Exact', backend: backend('x') }] } }] }), 'a.com', '/y')).toEqual({
      kind: 'none',
      reason: 'host "a.com" matches rule host "a.com", but none of its paths matches "/y", and the ingress has no default backend',
    });
  });
});
