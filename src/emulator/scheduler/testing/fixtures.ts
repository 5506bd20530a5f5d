/** Builders for scheduler specs: small nodes and pods with only the fields a test cares about. */
import type { Affinity, Container, Node, Pod, PodSpec, ResourceList, Taint, Toleration } from '../../kube/index.js';
import { NodeInfo } from '../node-info.js';
import { PodInfo } from '../pod-info.js';

/** NodeOptions are the node fields specs set. */
export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  storage?: string;
  extra?: ResourceList;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

/** makeNode builds a Node: 4 cpu, 8Gi, 110 pods unless told otherwise, labelled with its hostname. */
export function makeNode(name: string, o: NodeOptions = {}): Node {
  const allocatable: ResourceList = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110', ...o.extra };
  if (o.storage) allocatable['ephemeral-storage'] = o.storage;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable, capacity: allocatable },
  };
}

/** PodOptions are the pod fields specs set. */
export interface PodOptions {
  namespace?: string;
  cpu?: string;
  memory?: string;
  requests?: ResourceList;
  labels?: Record<string, string>;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  initContainers?: Container[];
  containers?: Container[];
  spec?: Partial<PodSpec>;
}

/** makePod builds a Pod with one container requesting `cpu`/`memory` (none when omitted). */
export function makePod(name: string, o: PodOptions = {}): Pod {
  const requests: ResourceList = { ...o.requests };
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  const container: Container = { name: 'app', image: 'nginx', resources: Object.keys(requests).length ? { requests } : {} };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', labels: o.labels },
    spec: {
      containers: o.containers ?? [container],
      initContainers: o.initContainers,
      nodeName: o.nodeName,
      nodeSelector: o.nodeSelector,
      affinity: o.affinity,
      tolerations: o.tolerations,
      ...o.spec,
    },
  };
}

/** nodeInfo builds a NodeInfo holding the given pods. */
export function nodeInfo(node: Node, ...pods: Pod[]): NodeInfo {
  const info = new NodeInfo(node);
  for (const pod of pods) info.addPod(PodInfo.of({ ...pod, spec: { ...pod.spec, nodeName: info.name } }));
  return info;
}
