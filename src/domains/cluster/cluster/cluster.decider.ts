import { findInstanceType, instanceTypes, physicalHostIp } from '../../../emulator/iaas/index.js';
import { healthyNodeConditions, nodeAllocatable, nodeCapacity } from '../../../emulator/kubelet/index.js';
import { alreadyExists, exhaustive, invalid, notFound, unsupported, type Decider } from '../../../platform/kernel/index.js';
import { checkClusterSpec } from './cluster-spec.js';
import { MAX_NODES_PER_CALL, type ClusterCommand, type ClusterEvent, type ClusterState } from './cluster.types.js';
import { allocateNodes, NODE_POD_PREFIX } from './node-allocation.js';

const initialState = (): ClusterState => ({
  status: 'absent',
  accountId: '',
  clusterId: '',
  name: '',
  zone: '',
  vpcCidr: '',
  podCidr: '',
  nodes: {},
  hostsUsed: 0,
});

/** running returns the cluster if the caller's account owns it and it is not deleted; any other answer is NOT_FOUND. */
function running(state: ClusterState, accountId: string, clusterId: string): ClusterState {
  if (state.status !== 'Running' || state.accountId !== accountId) throw notFound('clusters', clusterId, 'clusterId');
  return state;
}

function addNodes(command: Extract<ClusterCommand, { type: 'AddNodes' }>['data'], state: ClusterState): ClusterEvent[] {
  const cluster = running(state, command.accountId, command.clusterId);
  const { count, at } = command;
  if (!Number.isInteger(count) || count < 1 || count > MAX_NODES_PER_CALL) {
    throw invalid('count', count, `must be between 1 and ${MAX_NODES_PER_CALL}`);
  }
  const type = findInstanceType(command.instanceType);
  if (!type) throw unsupported('instanceType', command.instanceType, instanceTypes.map((t) => t.name));
  if (command.instanceIds.length !== count) throw new Error('AddNodes needs one instance id per node');
  return allocateNodes(cluster, count).map((slot, i) => ({
    type: 'NodeAdded',
    data: {
      clusterId: cluster.clusterId,
      name: slot.privateIp,
      instanceId: command.instanceIds[i],
      instanceType: type.name,
      privateIp: slot.privateIp,
      hostIp: physicalHostIp(slot.hostOrdinal),
      hostOrdinal: slot.hostOrdinal,
      podCidr: slot.podCidr,
      zone: cluster.zone,
      capacity: nodeCapacity(type, NODE_POD_PREFIX),
      allocatable: nodeAllocatable(type, NODE_POD_PREFIX),
      conditions: healthyNodeConditions(at),
      createdAt: at,
    },
  }));
}

/** clusterDecider: a cluster in its own VPC, whose nodes take addresses, hosts and pod subnets from its ranges. */
export const clusterDecider: Decider<ClusterState, ClusterCommand, ClusterEvent> = {
  get initialState() {
    return initialState();
  },
  decide(command, state) {
    switch (command.type) {
      case 'CreateCluster': {
        if (state.status !== 'absent') throw alreadyExists('clusters', command.data.clusterId, 'clusterId');
        checkClusterSpec(command.data);
        return [{ type: 'ClusterCreated', data: command.data }];
      }
      case 'AddNodes':
        return addNodes(command.data, state);
      case 'RemoveNode': {
        const { accountId, clusterId, nodeName, at } = command.data;
        const node = running(state, accountId, clusterId).nodes[nodeName];
        if (!node) throw notFound('nodes', nodeName, 'nodeName');
        const { instanceId, privateIp, podCidr } = node;
        return [{ type: 'NodeRemoved', data: { clusterId, name: nodeName, instanceId, privateIp, podCidr, removedAt: at } }];
      }
      case 'DeleteCluster': {
        const { accountId, clusterId, at } = command.data;
        const cluster = running(state, accountId, clusterId);
        return [{ type: 'ClusterDeleted', data: { clusterId, name: cluster.name, nodes: Object.keys(cluster.nodes), deletedAt: at } }];
      }
      default:
        return exhaustive(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ClusterCreated': {
        const { accountId, clusterId, name, zone, vpcCidr, podCidr } = event.data;
        return { ...state, status: 'Running', accountId, clusterId, name, zone, vpcCidr, podCidr };
      }
      // The node map is updated in place: a fold owns its state, and copying it per node made big clusters quadratic.
      case 'NodeAdded': {
        const { name, instanceId, privateIp, podCidr, hostOrdinal } = event.data;
        (state.nodes as Record<string, ClusterState['nodes'][string]>)[name] = { instanceId, privateIp, podCidr };
        return { ...state, hostsUsed: Math.max(state.hostsUsed, hostOrdinal + 1) };
      }
      case 'NodeRemoved': {
        delete (state.nodes as Record<string, unknown>)[event.data.name];
        return state;
      }
      case 'ClusterDeleted':
        return { ...state, status: 'Deleted', nodes: {} };
      default:
        return exhaustive(event);
    }
  },
};
