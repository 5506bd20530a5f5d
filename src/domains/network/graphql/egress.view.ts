import type { DomainEvent } from '../../../platform/kernel/index.js';
import type { CdbInstanceRecord, EgressEvent, EgressState, NatGatewayRecord, VpcPeeringRecord } from '../model/egress.types.js';

/** natGatewayView is a NAT gateway as the API shows it. */
export const natGatewayView = (clusterId: string, vpcId: string, nat: NatGatewayRecord) => ({ ...nat, clusterId, vpcId });

/** peeringView is a peering connection as the API shows it. */
export const peeringView = (clusterId: string, vpcId: string, peering: VpcPeeringRecord) => ({ ...peering, peerVpcId: peering.peerVpcId ?? null, clusterId, vpcId });

/** cdbView is a CDB instance as the API shows it. */
export const cdbView = (clusterId: string, cdb: CdbInstanceRecord) => ({ ...cdb, clusterId });

/** egressLists are a cluster's egress resources, oldest first. */
export function egressLists(clusterId: string, vpcId: string, egress: EgressState) {
  const byCreation = <T extends { id: string; createdAt: string }>(list: T[]) => list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return {
    publicIps: Object.values(egress.publicIps).sort((a, b) => a.nodeName.localeCompare(b.nodeName)),
    natGateways: byCreation(Object.values(egress.natGateways)).map((n) => natGatewayView(clusterId, vpcId, n)),
    vpcPeerings: byCreation(Object.values(egress.peerings)).map((p) => peeringView(clusterId, vpcId, p)),
    cdbInstances: byCreation(Object.values(egress.cdbInstances)).map((c) => cdbView(clusterId, c)),
  };
}

type EgressData = { [E in EgressEvent as E['type']]: E['data'] };

/** decided is the data of the one egress event a command produced, of the expected type. */
export function decided<T extends EgressEvent['type']>(events: readonly DomainEvent[], type: T): EgressData[T] {
  const event = events.find((e) => e.type === type);
  if (!event) throw new Error(`expected a ${type} event`);
  return event.data as EgressData[T];
}
