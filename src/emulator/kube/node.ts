import type { ObjectMeta } from './meta.js';
import type { ResourceList } from './pod.js';

/** Node, as Kubernetes core/v1 defines it (the fields tkesim reads or writes). */

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

export interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
  providerID?: string;
  unschedulable?: boolean;
  taints?: Taint[];
}

export interface NodeStatus {
  capacity?: ResourceList;
  allocatable?: ResourceList;
  conditions?: NodeCondition[];
  addresses?: Array<{ type: 'InternalIP' | 'ExternalIP' | 'Hostname'; address: string }>;
  nodeInfo?: Record<string, string>;
  images?: Array<{ names: string[]; sizeBytes?: number }>;
  /** volumesAttached lists the volumes the attach/detach controller attached to the node (`kubernetes.io/qcloud-cbs/<disk id>`). */
  volumesAttached?: AttachedVolume[];
  /** volumesInUse lists the attached volumes the node's pods mount. */
  volumesInUse?: string[];
}

/** AttachedVolume is one entry of node.status.volumesAttached. */
export interface AttachedVolume {
  name: string;
  devicePath: string;
}

export interface Node {
  apiVersion: 'v1';
  kind: 'Node';
  metadata: ObjectMeta;
  spec: NodeSpec;
  status: NodeStatus;
}

/** Well-known labels and taints, as Kubernetes spells them. */
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';
export const LABEL_REGION = 'topology.kubernetes.io/region';
export const LABEL_INSTANCE_TYPE = 'node.kubernetes.io/instance-type';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
