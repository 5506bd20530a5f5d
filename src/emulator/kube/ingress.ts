import type { ObjectMeta } from './meta.js';

/** Ingress as networking.k8s.io/v1 defines it: host and path rules to services (TKE backs it with a CLB). */

/** IngressServiceBackend routes to one port, by number or by name, of a Service. */
export interface IngressServiceBackend {
  name: string;
  port: { number?: number; name?: string };
}

/** IngressBackend is a service or, rarely, another resource. */
export interface IngressBackend {
  service?: IngressServiceBackend;
  resource?: { apiGroup?: string; kind: string; name: string };
}

/** HTTPIngressPath matches a path (Exact, Prefix or ImplementationSpecific) to a backend. */
export interface HTTPIngressPath {
  path?: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  backend: IngressBackend;
}

/** IngressRule routes one host (or every host) by path. */
export interface IngressRule {
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

/** IngressSpec lists rules, an optional default backend and TLS secrets. */
export interface IngressSpec {
  ingressClassName?: string;
  defaultBackend?: IngressBackend;
  rules?: IngressRule[];
  tls?: Array<{ hosts?: string[]; secretName?: string }>;
}

/** Ingress is networking.k8s.io/v1 Ingress; extensions/v1beta1 manifests are converted to it. */
export interface Ingress {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'Ingress';
  metadata: ObjectMeta;
  spec: IngressSpec;
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
}

/** LegacyIngressBackend is the extensions/v1beta1 shape: `serviceName` and `servicePort`. */
export interface LegacyIngressBackend {
  serviceName?: string;
  servicePort?: number | string;
  resource?: { apiGroup?: string; kind: string; name: string };
}

/** LegacyIngress is an Ingress as extensions/v1beta1 (the 2017 shape) spells it; manifests in it are converted to Ingress. */
export interface LegacyIngress {
  apiVersion: 'extensions/v1beta1' | 'networking.k8s.io/v1beta1';
  kind: 'Ingress';
  metadata: ObjectMeta;
  spec: {
    ingressClassName?: string;
    backend?: LegacyIngressBackend;
    rules?: Array<{ host?: string; http?: { paths: Array<{ path?: string; pathType?: HTTPIngressPath['pathType']; backend: LegacyIngressBackend }> } }>;
    tls?: Array<{ hosts?: string[]; secretName?: string }>;
  };
}
