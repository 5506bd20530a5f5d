import type { KubeObject, Node } from '../../../emulator/kube/index.js';
import type { ClusterSpec, NodeFacts } from '../cluster/cluster.types.js';

/** SYSTEM_NAMESPACES are made with every cluster. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** namespaceObject is a namespace as the API server creates it. */
export function namespaceObject(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** nodeObject is the Kubernetes Node a CVM registers as: labels, provider id, capacity, addresses, conditions. */
export function nodeObject(facts: NodeFacts, cluster: Pick<ClusterSpec, 'region' | 'kubernetesVersion'>): Node {
  const { capacity, allocatable } = facts;
  const resources = (r: typeof capacity) => ({ cpu: r.cpu, memory: r.memory, pods: r.pods, 'ephemeral-storage': r.ephemeralStorage });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: facts.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/os': 'linux',
        // Written out rather than computed ([LABEL_HOSTNAME]): a literal with constant keys is built from a boilerplate.
        'kubernetes.io/hostname': facts.name,
        'node.kubernetes.io/instance-type': facts.instanceType,
        'topology.kubernetes.io/zone': facts.zone,
        'topology.kubernetes.io/region': cluster.region,
        'failure-domain.beta.kubernetes.io/zone': facts.zone,
        'failure-domain.beta.kubernetes.io/region': cluster.region,
      },
    },
    spec: { podCIDR: facts.podCidr, podCIDRs: [facts.podCidr], providerID: `qcloud:///${facts.zone}/${facts.instanceId}` },
    status: {
      capacity: resources(capacity),
      allocatable: resources(allocatable),
      conditions: facts.conditions.map((c) => ({ ...c })),
      addresses: [
        { type: 'InternalIP', address: facts.privateIp },
        { type: 'Hostname', address: facts.name },
      ],
      nodeInfo: {
        kubeletVersion: `v${cluster.kubernetesVersion}`,
        kubeProxyVersion: `v${cluster.kubernetesVersion}`,
        containerRuntimeVersion: 'containerd://1.6.9-tke.1',
        operatingSystem: 'linux',
        architecture: 'amd64',
        osImage: 'TencentOS Server 3.1 (Final)',
        kernelVersion: '5.4.119-19.0009.28',
        machineID: facts.instanceId,
        systemUUID: facts.instanceId,
        bootID: facts.instanceId,
      },
    },
  };
}

/** leaseObject is the node's heartbeat lease in kube-node-lease. */
export function leaseObject(nodeName: string, renewTime: string): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: nodeName, namespace: 'kube-node-lease' },
    spec: { holderIdentity: nodeName, leaseDurationSeconds: 40, renewTime },
  };
}

/** REGISTRY is TKE's image registry, which every cluster can pull from with the qcloudregistrykey secret. */
export const REGISTRY = 'ccr.ccs.tencentyun.com';

/** registrySecret is `qcloudregistrykey`, the image pull secret TKE puts in a cluster's namespaces (the seed's pod uses it). */
export function registrySecret(namespace: string, clusterId: string): KubeObject {
  const username = `1000${clusterId.replace(/\D/g, '').padEnd(8, '0').slice(0, 8)}`;
  const password = Buffer.from(`${clusterId}:${namespace}`).toString('hex');
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  const config = { auths: { [REGISTRY]: { username, password, auth } } };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'qcloudregistrykey', namespace },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from(JSON.stringify(config)).toString('base64') },
  } as KubeObject;
}
