import type { Service } from '../../kube/service.js';
import { index, invalid, notSupported, required, type FieldError } from '../../kube/validation/field-error.js';
import { NetworkInputError } from '../errors/network-input-error.js';
import type { NetworkNode } from '../world/network-world.js';
import { CLB_BACKEND_WEIGHT, type Clb, type ClbBackend } from './clb.js';

/** EXCLUDE_FROM_LB is the node label that keeps a node out of every load balancer's backends. */
export const EXCLUDE_FROM_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** lbEligibleNodes are the nodes the service controller registers: Ready and not excluded by label. */
export function lbEligibleNodes(nodes: readonly NetworkNode[]): NetworkNode[] {
  return nodes.filter((node) => node.ready !== false && node.labels?.[EXCLUDE_FROM_LB] === undefined);
}

function checkService(service: Service): FieldError[] {
  if (service.spec.type !== 'LoadBalancer') return [notSupported('spec.type', service.spec.type ?? 'ClusterIP', ['LoadBalancer'])];
  const errors: FieldError[] = [];
  const ports = service.spec.ports ?? [];
  if (ports.length === 0) errors.push(required('spec.ports'));
  ports.forEach((port, i) => {
    const at = index('spec.ports', i);
    if ((port.protocol ?? 'TCP') === 'SCTP') errors.push(notSupported(`${at}.protocol`, 'SCTP', ['TCP', 'UDP']));
    if (!(port.port >= 1 && port.port <= 65535)) errors.push(invalid(`${at}.port`, port.port, 'must be between 1 and 65535, inclusive'));
    if (port.nodePort === undefined) errors.push(required(`${at}.nodePort`, 'a LoadBalancer service needs a node port on every port'));
  });
  return errors;
}

/** desiredClb is what the cloud provider's load balancer plugin wants for a Service: one listener per port, every eligible node behind each. */
export function desiredClb(service: Service, nodes: readonly NetworkNode[], identity: { id: string; vip: string }): Clb {
  const errors = checkService(service);
  if (errors.length > 0) throw new NetworkInputError(errors);
  const eligible = lbEligibleNodes(nodes);
  return {
    id: identity.id,
    vip: identity.vip,
    service: { namespace: service.metadata.namespace ?? 'default', name: service.metadata.name ?? '' },
    externalTrafficPolicy: service.spec.externalTrafficPolicy ?? 'Cluster',
    listeners: (service.spec.ports ?? []).map((port) => ({
      ...(port.name ? { name: port.name } : {}),
      protocol: (port.protocol ?? 'TCP') as 'TCP' | 'UDP',
      port: port.port,
      nodePort: port.nodePort!,
      backends: eligible.map((node): ClbBackend => ({ nodeName: node.name, ip: node.privateIp, port: port.nodePort!, weight: CLB_BACKEND_WEIGHT })),
    })),
  };
}

/** loadBalancerStatus is what the service controller writes to `status.loadBalancer`. */
export function loadBalancerStatus(clb: Clb): { ingress: Array<{ ip: string }> } {
  return { ingress: [{ ip: clb.vip }] };
}

/** loadBalancerServiceErrors is what the CLB refuses in a Service of type LoadBalancer before node ports exist: SCTP, ports out of range, no ports. */
export function loadBalancerServiceErrors(service: Service): FieldError[] {
  if (service.spec?.type !== 'LoadBalancer') return [];
  return checkService(service).filter((error) => !error.field.endsWith('.nodePort'));
}
