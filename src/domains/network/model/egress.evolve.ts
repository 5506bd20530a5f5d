import { exhaustive } from '../../../platform/kernel/index.js';
import type { EgressEvent, EgressState } from './egress.types.js';

/** NodeLeftNetwork is folded from the cluster domain's NodeRemoved (not written to the network stream): the CVM's public IP goes with it. */
export type NodeLeftNetwork = { type: 'NodeLeftNetwork'; data: { clusterId: string; nodeName: string; instanceId: string } };

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

/** evolveEgress applies one egress event (or a node leaving) to a cluster's way out of the VPC. */
export function evolveEgress(state: EgressState, event: EgressEvent | NodeLeftNetwork): EgressState {
  switch (event.type) {
    case 'PublicIpAssigned': {
      const { clusterId: _c, ...record } = event.data;
      return { ...state, publicIps: { ...state.publicIps, [record.nodeName]: record } };
    }
    case 'PublicIpReleased':
    case 'NodeLeftNetwork': {
      const current = state.publicIps[event.data.nodeName];
      return current?.instanceId === event.data.instanceId ? { ...state, publicIps: without(state.publicIps, event.data.nodeName) } : state;
    }
    case 'NatGatewayCreated': {
      const { clusterId: _c, ...record } = event.data;
      return { ...state, natGateways: { ...state.natGateways, [record.id]: record } };
    }
    case 'NatGatewayDeleted':
      return { ...state, natGateways: without(state.natGateways, event.data.id) };
    case 'VpcPeeringCreated': {
      const { clusterId: _c, ...record } = event.data;
      return { ...state, peerings: { ...state.peerings, [record.id]: record } };
    }
    case 'VpcPeeringDeleted':
      return { ...state, peerings: without(state.peerings, event.data.id) };
    case 'CdbInstanceCreated': {
      const { clusterId: _c, ...record } = event.data;
      return { ...state, cdbInstances: { ...state.cdbInstances, [record.id]: record }, cdbHostsUsed: state.cdbHostsUsed + 1 };
    }
    case 'CdbInstanceDeleted':
      return { ...state, cdbInstances: without(state.cdbInstances, event.data.id) };
    default:
      return exhaustive(event);
  }
}
