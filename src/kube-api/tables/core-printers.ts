/** Tables of nodes, services, endpoints, namespaces, config maps and secrets, as kubectl's printers.go prints them. */
import type { Node } from '../../emulator/kube/node.js';
import type { Endpoints, Service } from '../../emulator/kube/service.js';
import { formatLabels, loadBalancerIngress, NONE } from './format.js';
import { timestampSince } from './human-duration.js';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from './table.js';

type Named = { metadata: { name?: string; creationTimestamp?: string } };
const age = (o: Named, now: number): string => timestampSince(o.metadata.creationTimestamp, now);

/** nodeRoles is findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`, sorted. */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const address = (node: Node, type: string): string => node.status?.addresses?.find((a) => a.type === type)?.address ?? NONE;
const info = (node: Node, key: string): string => node.status?.nodeInfo?.[key] || '<unknown>';

/** NODE_PRINTER prints NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. */
export const NODE_PRINTER: Printer<Node> = {
  columns: [
    NAME_COLUMN,
    column('Status'),
    column('Roles'),
    AGE_COLUMN,
    column('Version'),
    column('Internal-IP', { wide: true }),
    column('External-IP', { wide: true }),
    column('OS-Image', { wide: true }),
    column('Kernel-Version', { wide: true }),
    column('Container-Runtime', { wide: true }),
  ],
  cells: (node, now) => [
    node.metadata.name ?? '',
    nodeStatus(node),
    nodeRoles(node.metadata.labels).join(',') || NONE,
    age(node, now),
    node.status?.nodeInfo?.kubeletVersion ?? '',
    address(node, 'InternalIP'),
    address(node, 'ExternalIP'),
    info(node, 'osImage'),
    info(node, 'kernelVersion'),
    info(node, 'containerRuntimeVersion'),
  ],
};

/** serviceExternalIP is getServiceExternalIP (wide): `<pending>` until a LoadBalancer gets its address. */
export function serviceExternalIP(svc: Service): string {
  const external = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : NONE;
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc.status?.loadBalancer);
      const all = [...(lb ? lb.split(',') : []), ...external];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** servicePorts is makePortString: `80/TCP,443:30443/TCP`. */
export function servicePorts(svc: Service): string {
  const ports = (svc.spec?.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`));
  return ports.length > 0 ? ports.join(',') : NONE;
}

/** SERVICE_PRINTER prints NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR. */
export const SERVICE_PRINTER: Printer<Service> = {
  columns: [NAME_COLUMN, column('Type'), column('Cluster-IP'), column('External-IP'), column('Port(s)'), AGE_COLUMN, column('Selector', { wide: true })],
  cells: (svc, now) => [
    svc.metadata.name ?? '',
    svc.spec?.type ?? 'ClusterIP',
    svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? NONE,
    serviceExternalIP(svc),
    servicePorts(svc),
    age(svc, now),
    formatLabels(svc.spec?.selector),
  ],
};

/** formatEndpoints lists up to three `ip:port` pairs, then ` + N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  if (!ep.subsets || ep.subsets.length === 0) return NONE;
  const list: string[] = [];
  let count = 0;
  for (const ss of ep.subsets) {
    const addresses = ss.addresses ?? [];
    const targets = ss.ports && ss.ports.length > 0 ? ss.ports.map((p) => p.port) : [undefined];
    for (const port of targets) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === 3) break;
        list.push(port === undefined ? a.ip : a.ip.includes(':') ? `[${a.ip}]:${port}` : `${a.ip}:${port}`);
      }
    }
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

/** ENDPOINTS_PRINTER prints NAME ENDPOINTS AGE. */
export const ENDPOINTS_PRINTER: Printer<Endpoints> = {
  columns: [NAME_COLUMN, column('Endpoints'), AGE_COLUMN],
  cells: (ep, now) => [ep.metadata.name ?? '', formatEndpoints(ep), age(ep, now)],
};

/** NAMESPACE_PRINTER prints NAME STATUS AGE. */
export const NAMESPACE_PRINTER: Printer<Named & { status?: { phase?: string } }> = {
  columns: [NAME_COLUMN, column('Status'), AGE_COLUMN],
  cells: (ns, now) => [ns.metadata.name ?? '', ns.status?.phase ?? '', age(ns, now)],
};

/** CONFIGMAP_PRINTER prints NAME DATA AGE. */
export const CONFIGMAP_PRINTER: Printer<Named & { data?: object; binaryData?: object }> = {
  columns: [NAME_COLUMN, column('Data'), AGE_COLUMN],
  cells: (cm, now) => [cm.metadata.name ?? '', Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length, age(cm, now)],
};

/** SECRET_PRINTER prints NAME TYPE DATA AGE. */
export const SECRET_PRINTER: Printer<Named & { type?: string; data?: object }> = {
  columns: [NAME_COLUMN, column('Type'), column('Data'), AGE_COLUMN],
  cells: (s, now) => [s.metadata.name ?? '', s.type ?? '', Object.keys(s.data ?? {}).length, age(s, now)],
};
