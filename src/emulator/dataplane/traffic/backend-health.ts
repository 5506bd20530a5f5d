import type { Clb, ClbListener, NetworkWorld, ServiceEndpoint } from '../../network/index.js';

/** BackendHealth is the CLB's health check verdict on one registered node. */
export interface BackendHealth {
  readonly nodeName: string;
  readonly healthy: boolean;
  readonly reason: string;
}

/** backendHealth checks each node behind a listener: a Ready node passes; under Local, only with a ready endpoint of its own (healthCheckNodePort). */
export function backendHealth(clb: Clb, listener: ClbListener, world: NetworkWorld, endpoints: readonly ServiceEndpoint[]): BackendHealth[] {
  return listener.backends.map((backend) => {
    const node = world.nodes.find((n) => n.name === backend.nodeName);
    if (!node) return { nodeName: backend.nodeName, healthy: false, reason: 'node is gone: nothing answers on its node port' };
    if (node.ready === false) return { nodeName: node.name, healthy: false, reason: 'node is NotReady: health checks time out' };
    if (clb.externalTrafficPolicy === 'Cluster') return { nodeName: node.name, healthy: true, reason: `kube-proxy answers on node port ${listener.nodePort}` };
    const local = endpoints.filter((e) => e.nodeName === node.name).length;
    return local > 0
      ? { nodeName: node.name, healthy: true, reason: `healthCheckNodePort reports ${local} local endpoint${local === 1 ? '' : 's'}` }
      : { nodeName: node.name, healthy: false, reason: 'healthCheckNodePort answers 503: no local endpoints (externalTrafficPolicy: Local)' };
  });
}
