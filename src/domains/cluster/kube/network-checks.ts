import { formatFieldError, listObjects, type FieldError, type Ingress, type KubeObject, type Service } from '../../../emulator/kube/index.js';
import { allocateClusterIp, allocateNodePort, isNetworkInputError, loadBalancerServiceErrors, validateTkeIngress } from '../../../emulator/network/index.js';
import { DomainError } from '../../../platform/kernel/index.js';
import type { KubeCluster } from './kube.types.js';

type Spec = { type?: string; clusterIP?: string; ports?: Array<{ nodePort?: number }> };
const specOf = (service: KubeObject): Spec => (service.spec ?? {}) as Spec;

/** exhaustionErrors says which new Services would find the service range or the node port range full (requested addresses are checked when applied). */
function exhaustionErrors(cluster: KubeCluster, objects: readonly KubeObject[]): Array<{ object: KubeObject; error: FieldError }> {
  const existing = listObjects(cluster, 'Service');
  const ips = new Set(existing.map((s) => specOf(s).clusterIP).filter((ip): ip is string => ip !== undefined));
  const ports = new Set(existing.flatMap((s) => (specOf(s).ports ?? []).map((p) => p.nodePort)).filter((p): p is number => p !== undefined));
  const fresh = objects.filter((o) => o.kind === 'Service' && !existing.some((s) => s.metadata.name === o.metadata.name && s.metadata.namespace === (o.metadata.namespace ?? 'default')));
  for (const service of fresh) for (const port of specOf(service).ports ?? []) if (port.nodePort) ports.add(port.nodePort);
  const found: Array<{ object: KubeObject; error: FieldError }> = [];
  for (const service of fresh) {
    const spec = specOf(service);
    try {
      if (spec.type !== 'ExternalName' && !spec.clusterIP) ips.add(allocateClusterIp(cluster.serviceCidr, ips));
      if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') continue;
      (spec.ports ?? []).forEach((port, i) => port.nodePort === undefined && ports.add(allocateNodePort(ports, undefined, `spec.ports[${i}].nodePort`)));
    } catch (error) {
      if (!isNetworkInputError(error)) throw error;
      found.push(...error.errors.map((e) => ({ object: service, error: e })));
    }
  }
  return found;
}

/** networkErrors lists what TKE's cloud provider refuses in a manifest: ingress limits and unknown backends, CLB-incompatible LoadBalancer ports. */
function networkErrors(cluster: KubeCluster, objects: readonly KubeObject[]): Array<{ object: KubeObject; error: FieldError }> {
  const manifestServices = objects.filter((o) => o.kind === 'Service') as unknown as Service[];
  const known = (namespace: string): Service[] => [
    ...manifestServices.filter((s) => (s.metadata.namespace ?? 'default') === namespace),
    ...listObjects<Service>(cluster, 'Service', namespace).filter((s) => !manifestServices.some((m) => m.metadata.name === s.metadata.name && (m.metadata.namespace ?? 'default') === namespace)),
  ];
  return objects.flatMap((object) => {
    const errors =
      object.kind === 'Ingress'
        ? validateTkeIngress(object as unknown as Ingress, known(object.metadata.namespace ?? 'default'))
        : object.kind === 'Service'
          ? loadBalancerServiceErrors(object as unknown as Service)
          : [];
    return errors.map((error) => ({ object, error }));
  });
}

/** checkNetworkObjects rejects the whole manifest when the network would refuse part of it (TKE's limits, a full address range), naming the field of the first error. */
export function checkNetworkObjects(cluster: KubeCluster, objects: readonly KubeObject[]): void {
  const found = [...networkErrors(cluster, objects), ...exhaustionErrors(cluster, objects)];
  if (found.length === 0) return;
  const details = found.map(({ object, error }) => `${object.kind} "${object.metadata.name}": ${formatFieldError(error)}`);
  const message = found.length === 1 ? formatFieldError(found[0].error) : `${found.length} problems, nothing applied: ${details.join('; ')}`;
  throw new DomainError('BAD_USER_INPUT', message, found[0].error.field, details);
}
