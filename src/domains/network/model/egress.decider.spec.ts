import { deciderSpec } from '../../../platform/kernel/testing/decider-spec.js';
import { cdbVip } from './egress.decider.js';
import { networkDecider } from './network.decider.js';
import type { NetworkEvent, NetworkSettings } from './network.types.js';

const spec = deciderSpec(networkDecider);
const at = '2017-06-01T00:00:00.000Z';
const clusterId = 'cls-seed0001';
const settings: NetworkSettings = { clusterId, accountId: 'sandbox', mode: 'GlobalRouter', routeQuota: 200, vpcId: 'vpc-seed0001', vpcCidr: '172.0.0.0/24', podCidr: '10.0.0.0/14', serviceCidr: '172.16.0.0/16' };
const created: NetworkEvent = { type: 'ClusterNetworkCreated', data: { ...settings, at } };
const node = { instanceId: 'ins-00000001' };
const assigned: NetworkEvent = { type: 'PublicIpAssigned', data: { clusterId, nodeName: '172.0.0.2', instanceId: node.instanceId, publicIp: '119.28.1.2', assignedAt: at } };
const nat: NetworkEvent = { type: 'NatGatewayCreated', data: { clusterId, id: 'nat-seed0001', publicIp: '119.28.9.9', bandwidthMbps: 100, createdAt: at } };
const peering = (id: string, peerVpcCidr: string) => ({ type: 'CreateVpcPeering' as const, data: { clusterId, at, id, name: id, peerVpcId: 'vpc-peer0001', peerVpcCidr, basicNetwork: false } });

describe('egress decider', () => {
  it('given a node, when a public IP is assigned, then it is bound to the CVM; twice is a CONFLICT', () => {
    const assign = { type: 'AssignPublicIp' as const, data: { clusterId, at, nodeName: '172.0.0.2', node, publicIp: '119.28.1.2' } };
    spec.given([created]).when(assign).then([assigned]);
    spec.given([created, assigned]).when({ ...assign, data: { ...assign.data, publicIp: '119.28.1.3' } }).thenRejects('CONFLICT', 'nodeName');
  });

  it('refuses a public IP for an unknown node, and releasing one a node does not have', () => {
    spec.given([created]).when({ type: 'AssignPublicIp', data: { clusterId, at, nodeName: '172.0.0.9', node: undefined, publicIp: '119.28.1.2' } }).thenRejects('NOT_FOUND', 'nodeName');
    spec.given([created]).when({ type: 'ReleasePublicIp', data: { clusterId, at, nodeName: '172.0.0.2' } }).thenRejects('NOT_FOUND', 'nodeName');
  });

  it('a node leaving takes its public IP with it, but not one bound to a later CVM of the same name', () => {
    const left = (instanceId: string): NetworkEvent => ({ type: 'NodeLeftNetwork', data: { clusterId, nodeName: '172.0.0.2', instanceId } });
    spec.given([created, assigned, left(node.instanceId)]).when({ type: 'ReleasePublicIp', data: { clusterId, at, nodeName: '172.0.0.2' } }).thenRejects('NOT_FOUND', 'nodeName');
    spec.given([created, assigned, left('ins-other001')]).when({ type: 'ReleasePublicIp', data: { clusterId, at, nodeName: '172.0.0.2' } }).then([
      { type: 'PublicIpReleased', data: { clusterId, at, nodeName: '172.0.0.2', instanceId: node.instanceId, publicIp: '119.28.1.2' } },
    ]);
  });

  it('creates a NAT gateway with a sold bandwidth only, and deletes it once', () => {
    spec.given([created]).when({ type: 'CreateNatGateway', data: { clusterId, at, id: 'nat-seed0001', publicIp: '119.28.9.9', bandwidthMbps: 100 } }).then([nat]);
    spec.given([created]).when({ type: 'CreateNatGateway', data: { clusterId, at, id: 'nat-seed0001', publicIp: '119.28.9.9', bandwidthMbps: 30 } }).thenRejects('BAD_USER_INPUT', 'bandwidthMbps');
    const del = { type: 'DeleteNatGateway' as const, data: { clusterId, at, id: 'nat-seed0001' } };
    spec.given([created, nat]).when(del).then([{ type: 'NatGatewayDeleted', data: { clusterId, at, id: 'nat-seed0001', publicIp: '119.28.9.9' } }]);
    spec.given([created, nat, { type: 'NatGatewayDeleted', data: { clusterId, at, id: 'nat-seed0001', publicIp: '119.28.9.9' } }]).when(del).thenRejects('NOT_FOUND', 'natGatewayId');
  });

  it.each([
    ['the VPC', '172.0.0.128/25'],
    ['the pod range', '10.1.0.0/16'],
    ['the service range', '172.16.5.0/24'],
    ['another peering', '192.168.128.0/17'],
  ])('refuses a peering whose range overlaps %s', (_what, cidr) => {
    const other: NetworkEvent = { type: 'VpcPeeringCreated', data: { clusterId, id: 'pcx-first001', name: 'first', peerVpcId: 'vpc-first001', peerVpcCidr: '192.168.0.0/16', basicNetwork: false, createdAt: at } };
    spec.given([created, other]).when({ ...peering('pcx-seed0001', cidr), data: { ...peering('pcx-seed0001', cidr).data, peerVpcId: 'vpc-other001' } }).thenRejects('BAD_USER_INPUT', 'peerVpcCidr');
  });

  it('peers with the basic network at 10.64.0.0/10 unless told otherwise, once', () => {
    const basic = { type: 'CreateVpcPeering' as const, data: { clusterId, at, id: 'pcx-basic001', name: 'classic', basicNetwork: true } };
    const made: NetworkEvent = { type: 'VpcPeeringCreated', data: { clusterId, id: 'pcx-basic001', name: 'classic', peerVpcCidr: '10.64.0.0/10', basicNetwork: true, createdAt: at } };
    spec.given([created]).when(basic).then([made]);
    spec.given([created, made]).when({ ...basic, data: { ...basic.data, id: 'pcx-basic002', peerVpcCidr: '10.200.0.0/16' } }).thenRejects('CONFLICT', 'basicNetwork');
    spec.given([created]).when({ ...basic, data: { ...basic.data, basicNetwork: false } }).thenRejects('BAD_USER_INPUT', 'peerVpcCidr');
  });

  it('gives a CDB instance the VPC\'s highest free address on its own database host', () => {
    const create = { type: 'CreateCdbInstance' as const, data: { clusterId, at, id: 'cdb-seed0001', name: 'orders', port: 3306, nodeIps: ['172.0.0.2', '172.0.0.254'] } };
    spec.given([created]).when(create).then([{ type: 'CdbInstanceCreated', data: { clusterId, id: 'cdb-seed0001', name: 'orders', vip: '172.0.0.253', port: 3306, hostIp: '10.173.1.1', createdAt: at } }]);
    spec.given([created]).when({ ...create, data: { ...create.data, port: 0 } }).thenRejects('BAD_USER_INPUT', 'port');
  });

  it('cdbVip never takes the network, gateway or broadcast address, and says when the VPC is full', () => {
    expect(cdbVip('172.0.0.0/30', [])).toBe('172.0.0.2');
    expect(cdbVip('172.0.0.0/30', ['172.0.0.2'])).toBeUndefined();
  });
});
