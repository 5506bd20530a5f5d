import { cidrSize, formatIpv4, parseCidr, parseIpv4 } from '../../../emulator/iaas/index.js';
import { listObjects, type KubeObject } from '../../../emulator/kube/index.js';
import { invalid } from '../../../platform/kernel/index.js';
import type { KubeCluster } from './kube.types.js';

/** NODE_PORTS is the API server's default --service-node-port-range. */
export const NODE_PORTS = { first: 30000, last: 32767 };

type ServiceSpec = { type?: string; clusterIP?: string; clusterIPs?: string[]; ports?: Array<{ nodePort?: number }> };

const specOf = (service: KubeObject): ServiceSpec => (service.spec ?? {}) as ServiceSpec;
const wantsNodePorts = (spec: ServiceSpec): boolean => spec.type === 'NodePort' || spec.type === 'LoadBalancer';

function usedAddresses(cluster: KubeCluster): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const service of listObjects(cluster, 'Service')) {
    const spec = specOf(service);
    if (spec.clusterIP && spec.clusterIP !== 'None') ips.add(spec.clusterIP);
    for (const port of spec.ports ?? []) if (port.nodePort) ports.add(port.nodePort);
  }
  return { ips, ports };
}

/** checkRequestedAddresses refuses a cluster IP or node port that is out of range or already taken, as the API server does. */
export function checkRequestedAddresses(cluster: KubeCluster, service: KubeObject): void {
  const spec = specOf(service);
  const { ips, ports } = usedAddresses(cluster);
  const range = parseCidr(cluster.serviceCidr);
  if (spec.clusterIP && spec.clusterIP !== 'None' && range.ok) {
    const address = parseIpv4(spec.clusterIP);
    if (address === undefined || address < range.cidr.network || address >= range.cidr.network + cidrSize(range.cidr)) {
      throw invalid('spec.clusterIPs', spec.clusterIP, `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${cluster.serviceCidr}`);
    }
    if (ips.has(spec.clusterIP)) throw invalid('spec.clusterIPs', spec.clusterIP, `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`);
  }
  (spec.ports ?? []).forEach((port, i) => {
    if (port.nodePort && ports.has(port.nodePort)) throw invalid(`spec.ports[${i}].nodePort`, port.nodePort, 'provided port is already allocated');
  });
}

/** allocateAddresses gives a new Service its cluster IP (lowest free of the service range) and node ports (lowest free from 30000). */
export function allocateAddresses(cluster: KubeCluster, service: KubeObject): void {
  const spec = specOf(service);
  if (spec.type === 'ExternalName') return;
  const { ips, ports } = usedAddresses(cluster);
  const range = parseCidr(cluster.serviceCidr);
  if (!spec.clusterIP && range.ok) {
    for (let offset = 1; offset < cidrSize(range.cidr) - 1; offset++) {
      const ip = formatIpv4(range.cidr.network + offset);
      if (!ips.has(ip)) {
        spec.clusterIP = ip;
        break;
      }
    }
  }
  if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
  if (!wantsNodePorts(spec)) return;
  let next = NODE_PORTS.first;
  for (const port of spec.ports ?? []) {
    if (port.nodePort) continue;
    while (ports.has(next) && next <= NODE_PORTS.last) next++;
    if (next > NODE_PORTS.last) return;
    port.nodePort = next;
    ports.add(next);
  }
}

/** kubernetesService is the `default/kubernetes` Service every cluster has, at the first address of its service range. */
export function kubernetesService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }], sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' },
    status: { loadBalancer: {} },
  };
}
