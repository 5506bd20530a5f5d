import type { HTTPIngressPath, Ingress, IngressBackend } from '../../kube/ingress.js';

/** HostMatch is how a rule's host matched the request's: exactly, by a `*.` wildcard, or as a rule without a host. */
export type HostMatch = 'exact' | 'wildcard' | 'any';

/** IngressRoute is one path of one rule, flattened, with the field path a learner can find it at. */
export interface IngressRoute {
  readonly field: string;
  readonly host?: string;
  readonly path: string;
  readonly pathType: HTTPIngressPath['pathType'];
  readonly backend: IngressBackend;
}

/** IngressMatch is the ingress's answer for a request: a rule, the default backend, or nothing (404) and why. */
export type IngressMatch =
  | { readonly kind: 'rule'; readonly route: IngressRoute; readonly hostMatch: HostMatch }
  | { readonly kind: 'default'; readonly backend: IngressBackend; readonly reason: string }
  | { readonly kind: 'none'; readonly reason: string };

/** normalizeHost lowercases a Host header and drops its port. */
export const normalizeHost = (host: string): string => host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');

/** hostMatch: an exact host, or a wildcard `*.example.com` covering exactly one more label (not example.com, not a.b.example.com). */
export function hostMatch(ruleHost: string | undefined, requestHost: string): HostMatch | undefined {
  if (!ruleHost) return 'any';
  const host = normalizeHost(requestHost);
  const rule = ruleHost.toLowerCase();
  if (rule === host) return 'exact';
  if (!rule.startsWith('*.')) return undefined;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === rule.slice(2) ? 'wildcard' : undefined;
}

const elements = (path: string): string[] => path.split('/').filter((e) => e.length > 0);

/** pathMatches: Exact compares the whole path; Prefix (and ImplementationSpecific, as TKE treats it) compares element by element, so /foo matches /foo/bar but not /foobar. */
export function pathMatches(pathType: HTTPIngressPath['pathType'], rulePath: string, requestPath: string): boolean {
  const path = requestPath.split('?')[0] || '/';
  if (pathType === 'Exact') return path === rulePath;
  const rule = elements(rulePath);
  const request = elements(path);
  return rule.length <= request.length && rule.every((e, i) => e === request[i]);
}

/** ingressRoutes flattens an Ingress's rules into routes, in declaration order. */
export function ingressRoutes(ingress: Ingress): IngressRoute[] {
  return (ingress.spec.rules ?? []).flatMap((rule, i) =>
    (rule.http?.paths ?? []).map((p, j) => ({
      field: `spec.rules[${i}].http.paths[${j}]`,
      ...(rule.host ? { host: rule.host } : {}),
      path: p.path || '/',
      pathType: p.pathType,
      backend: p.backend,
    })),
  );
}

const RANK: Record<HostMatch, number> = { exact: 0, wildcard: 1, any: 2 };
const pathLength = (route: IngressRoute): number => route.path.replace(/\/+$/, '').length;

/** matchIngress applies Kubernetes' precedence: the most specific host (exact, then wildcard, then none), then the longest path, Exact before Prefix on a tie; else the default backend. */
export function matchIngress(ingress: Ingress, host: string, path: string): IngressMatch {
  const candidates = ingressRoutes(ingress)
    .map((route) => ({ route, hostMatch: hostMatch(route.host, host) }))
    .filter((c): c is { route: IngressRoute; hostMatch: HostMatch } => c.hostMatch !== undefined);
  const best = Math.min(...candidates.map((c) => RANK[c.hostMatch]));
  const sameHost = candidates.filter((c) => RANK[c.hostMatch] === best);
  const matching = sameHost
    .filter((c) => pathMatches(c.route.pathType, c.route.path, path))
    .sort((a, b) => pathLength(b.route) - pathLength(a.route) || Number(b.route.pathType === 'Exact') - Number(a.route.pathType === 'Exact'));
  if (matching.length > 0) return { kind: 'rule', ...matching[0] };
  const why =
    sameHost.length === 0
      ? `no rule matches host "${normalizeHost(host)}"`
      : `host "${normalizeHost(host)}" matches ${sameHost[0].route.host ? `rule host "${sameHost[0].route.host}"` : 'the rules without a host'}, but none of its paths matches "${path}"`;
  const backend = ingress.spec.defaultBackend;
  return backend ? { kind: 'default', backend, reason: `${why}: the default backend serves it` } : { kind: 'none', reason: `${why}, and the ingress has no default backend` };
}
