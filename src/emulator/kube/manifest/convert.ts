import { applyLegacyDefaults } from '../defaults/legacy.js';
import { records } from '../defaults/pod.js';
import { isRecord, type Json } from '../validation/checker.js';
import type { KindInfo } from './kinds.js';

/** Conversion of old API versions to the current shape, as the API server converts through its internal version. */

/** convertIngressBackend turns `serviceName`/`servicePort` into `service: {name, port: {number | name}}`. */
export function convertIngressBackend(backend: unknown): unknown {
  if (!isRecord(backend)) return backend;
  const { serviceName, servicePort, ...rest } = backend;
  if (serviceName === undefined && servicePort === undefined) return backend;
  const port = typeof servicePort === 'number' ? { number: servicePort } : servicePort === undefined ? {} : { name: servicePort };
  return { ...rest, service: { name: serviceName, port } };
}

/** convertLegacyIngress reshapes an extensions/v1beta1 or networking.k8s.io/v1beta1 Ingress spec into networking.k8s.io/v1. */
function convertLegacyIngress(obj: Json): void {
  const spec = obj.spec;
  if (!isRecord(spec)) return;
  if (spec.backend !== undefined) {
    spec.defaultBackend = convertIngressBackend(spec.backend);
    delete spec.backend;
  }
  for (const rule of records(spec, 'rules')) {
    const http = rule.http;
    for (const path of records(isRecord(http) ? http : undefined, 'paths')) path.backend = convertIngressBackend(path.backend);
  }
}

/** convertToCurrent applies the old version's defaults, reshapes what changed, and sets the current apiVersion. */
export function convertToCurrent(obj: Json, info: KindInfo): void {
  const from = String(obj.apiVersion);
  if (from === info.apiVersion) return;
  applyLegacyDefaults(obj, from, info.kind);
  if (info.kind === 'Ingress') convertLegacyIngress(obj);
  obj.apiVersion = info.apiVersion;
}
