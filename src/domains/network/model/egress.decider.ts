import { cidrSize, databaseHostIp, formatIpv4, parseCidr, parseIpv4 } from '../../../emulator/iaas/index.js';
import { formatFieldErrors, type FieldError } from '../../../emulator/kube/validation/field-error.js';
import { checkPeering } from '../../../emulator/network/index.js';
import { DomainError, alreadyExists, exhaustive, invalid, notFound, unsupported } from '../../../platform/kernel/index.js';
import { BASIC_NETWORK_CIDR, NAT_BANDWIDTHS_MBPS, type EgressCommand, type EgressEvent, type EgressState } from './egress.types.js';
import type { NetworkSettings } from './network.types.js';

const MAX_NAME_LENGTH = 60;

function fieldErrors(errors: readonly FieldError[]): DomainError {
  const lines = formatFieldErrors(errors);
  return new DomainError('BAD_USER_INPUT', lines.join(', '), errors[0]?.field, lines.length > 1 ? lines : undefined);
}

function checkName(name: string): void {
  if (name.length > MAX_NAME_LENGTH) throw invalid('name', name, `must be no more than ${MAX_NAME_LENGTH} characters`);
}

/** cdbVip takes the VPC's highest free address, so databases grow down from the top while the cluster's nodes take the lowest. */
export function cdbVip(vpcCidr: string, taken: readonly string[]): string | undefined {
  const parsed = parseCidr(vpcCidr);
  if (!parsed.ok) return undefined;
  const used = new Set(taken.map((ip) => parseIpv4(ip)));
  for (let address = parsed.cidr.network + cidrSize(parsed.cidr) - 2; address >= parsed.cidr.network + 2; address--) {
    if (!used.has(address)) return formatIpv4(address);
  }
  return undefined;
}

function createPeering(settings: NetworkSettings, egress: EgressState, data: Extract<EgressCommand, { type: 'CreateVpcPeering' }>['data']): EgressEvent[] {
  const { clusterId, id, name, basicNetwork, peerVpcId, at } = data;
  checkName(name);
  const peers = Object.values(egress.peerings);
  if (basicNetwork && peers.some((p) => p.basicNetwork)) throw new DomainError('CONFLICT', `${settings.vpcId} is already peered with the basic network`, 'basicNetwork');
  if (!basicNetwork && peerVpcId === settings.vpcId) throw invalid('peerVpcId', peerVpcId, 'a VPC cannot peer with itself');
  if (!basicNetwork && peerVpcId && !/^vpc-[a-z0-9]{8}$/.test(peerVpcId)) throw invalid('peerVpcId', peerVpcId, 'must look like vpc-xxxxxxxx');
  const taken = peers.find((p) => peerVpcId && p.peerVpcId === peerVpcId);
  if (!basicNetwork && taken) throw new DomainError('CONFLICT', `${settings.vpcId} is already peered with ${peerVpcId} by ${taken.id}`, 'peerVpcId');
  const peerVpcCidr = data.peerVpcCidr ?? (basicNetwork ? BASIC_NETWORK_CIDR : undefined);
  if (!peerVpcCidr) throw fieldErrors([{ type: 'FieldValueRequired', field: 'peerVpcCidr', badValue: '', detail: 'the peer VPC\'s range is needed to route to it' }]);
  const world = { vpc: { id: settings.vpcId, cidr: settings.vpcCidr }, podCidr: settings.podCidr, serviceCidr: settings.serviceCidr, peerings: peers.map((p) => ({ id: p.id, peerVpcId: p.peerVpcId ?? '', peerCidr: p.peerVpcCidr })) };
  const errors = checkPeering(world, { id, peerVpcId: peerVpcId ?? '', peerCidr: peerVpcCidr }, 'peerVpcCidr');
  if (errors.length > 0) throw fieldErrors(errors);
  if (egress.peerings[id]) throw alreadyExists('vpcpeerings', id, 'peeringId');
  const peer = basicNetwork ? {} : { peerVpcId: peerVpcId! };
  return [{ type: 'VpcPeeringCreated', data: { clusterId, id, name, ...peer, peerVpcCidr, basicNetwork, createdAt: at } }];
}

function createCdb(settings: NetworkSettings, egress: EgressState, data: Extract<EgressCommand, { type: 'CreateCdbInstance' }>['data']): EgressEvent[] {
  const { clusterId, id, name, port, at } = data;
  checkName(name);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid('port', port, 'must be between 1 and 65535, inclusive');
  if (egress.cdbInstances[id]) throw alreadyExists('cdbinstances', id, 'cdbInstanceId');
  const vip = cdbVip(settings.vpcCidr, [...data.nodeIps, ...Object.values(egress.cdbInstances).map((c) => c.vip)]);
  if (!vip) throw new DomainError('FAILED_PRECONDITION', `${settings.vpcId} (${settings.vpcCidr}) has no free address for a CDB instance`, 'clusterId');
  return [{ type: 'CdbInstanceCreated', data: { clusterId, id, name, vip, port, hostIp: databaseHostIp(egress.cdbHostsUsed), createdAt: at } }];
}

function assignPublicIp(egress: EgressState, data: Extract<EgressCommand, { type: 'AssignPublicIp' }>['data']): EgressEvent[] {
  const { clusterId, nodeName, node, publicIp, at } = data;
  if (!node) throw notFound('nodes', nodeName, 'nodeName');
  const current = egress.publicIps[nodeName];
  if (current?.instanceId === node.instanceId) throw new DomainError('CONFLICT', `node ${nodeName} already has public IP ${current.publicIp}`, 'nodeName');
  const holders = [...Object.values(egress.publicIps).map((p) => p.publicIp), ...Object.values(egress.natGateways).map((n) => n.publicIp)];
  if (holders.includes(publicIp)) throw alreadyExists('addresses', publicIp, 'publicIp');
  return [{ type: 'PublicIpAssigned', data: { clusterId, nodeName, instanceId: node.instanceId, publicIp, assignedAt: at } }];
}

/** decideEgress decides a user's change to how the cluster's VPC reaches beyond itself; nothing is emitted unless all of it holds. */
export function decideEgress(command: EgressCommand, settings: NetworkSettings, egress: EgressState): EgressEvent[] {
  const { clusterId, at } = command.data;
  switch (command.type) {
    case 'AssignPublicIp':
      return assignPublicIp(egress, command.data);
    case 'ReleasePublicIp': {
      const current = egress.publicIps[command.data.nodeName];
      if (!current) throw new DomainError('NOT_FOUND', `node ${command.data.nodeName} has no public IP`, 'nodeName');
      return [{ type: 'PublicIpReleased', data: { clusterId, at, nodeName: current.nodeName, instanceId: current.instanceId, publicIp: current.publicIp } }];
    }
    case 'CreateNatGateway': {
      const { id, publicIp, bandwidthMbps } = command.data;
      if (!(NAT_BANDWIDTHS_MBPS as readonly number[]).includes(bandwidthMbps)) throw unsupported('bandwidthMbps', bandwidthMbps, NAT_BANDWIDTHS_MBPS.map(String));
      if (egress.natGateways[id]) throw alreadyExists('natgateways', id, 'natGatewayId');
      return [{ type: 'NatGatewayCreated', data: { clusterId, id, publicIp, bandwidthMbps, createdAt: at } }];
    }
    case 'DeleteNatGateway': {
      const nat = egress.natGateways[command.data.id];
      if (!nat) throw notFound('natgateways', command.data.id, 'natGatewayId');
      return [{ type: 'NatGatewayDeleted', data: { clusterId, at, id: nat.id, publicIp: nat.publicIp } }];
    }
    case 'CreateVpcPeering':
      return createPeering(settings, egress, command.data);
    case 'DeleteVpcPeering':
      if (!egress.peerings[command.data.id]) throw notFound('vpcpeerings', command.data.id, 'peeringId');
      return [{ type: 'VpcPeeringDeleted', data: { clusterId, at, id: command.data.id } }];
    case 'CreateCdbInstance':
      return createCdb(settings, egress, command.data);
    case 'DeleteCdbInstance': {
      const cdb = egress.cdbInstances[command.data.id];
      if (!cdb) throw notFound('cdbinstances', command.data.id, 'cdbInstanceId');
      return [{ type: 'CdbInstanceDeleted', data: { clusterId, at, id: cdb.id, vip: cdb.vip } }];
    }
    default:
      return exhaustive(command);
  }
}
