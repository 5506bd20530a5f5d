import { formatFieldError, listObjects, type FieldError, type Ingress, type KubeObject, type Service } from '../../../emulator/kube/index.js';
import { loadBalancerServiceErrors, validateTkeIngress } from '../../../emulator/network/index.js';
import { DomainError } from '../../../platform/kernel/index.js';
import type { KubeCluster } from './kube.types.js';

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

/** checkNetworkObjects rejects the whole manifest when the network would refuse part of it, naming the field of the first error. */
export function checkNetworkObjects(cluster: KubeCluster, objects: readonly KubeObject[]): void {
  const found = networkErrors(cluster, objects);
  if (found.length === 0) return;
  const details = found.map(({ object, error }) => `${object.kind} "${object.metadata.name}": ${formatFieldError(error)}`);
  const message = found.length === 1 ? formatFieldError(found[0].error) : `${found.length} problems, nothing applied: ${details.join('; ')}`;
  throw new DomainError('BAD_USER_INPUT', message, found[0].error.field, details);
}
