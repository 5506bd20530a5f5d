import { formatFieldErrors } from '../../kube/validation/field-error.js';
import { seedNetworkWorld } from '../world/seed-world.js';
import { checkPeering, checkSubnet } from './vpc-ranges.js';

const world = seedNetworkWorld();

describe('VPC ranges', () => {
  it.each([
    ['a free range', '192.168.0.0/16', []],
    ['the VPC itself', '172.0.0.0/16', ['peerCidr: Invalid value: "172.0.0.0/16": overlaps with vpcCidr 172.0.0.0/24']],
    ['the pod range', '10.1.0.0/16', ['peerCidr: Invalid value: "10.1.0.0/16": overlaps with podCidr 10.0.0.0/14']],
    ['the service range', '172.16.5.0/24', ['peerCidr: Invalid value: "172.16.5.0/24": overlaps with serviceCidr 172.16.0.0/16']],
    ['not a network address', '192.168.0.1/16', ['peerCidr: Invalid value: "192.168.0.1/16": must be a network address: did you mean 192.168.0.0/16?']],
  ])('a peering to %s → %j', (_name, peerCidr, messages) => {
    expect(formatFieldErrors(checkPeering(world, { id: 'pcx-1', peerVpcId: 'vpc-peer0001', peerCidr }))).toEqual(messages);
  });

  it.each([
    ['inside the VPC', '172.0.0.128/25', 'subnet-new', []],
    ['outside the VPC', '172.0.1.0/24', 'subnet-new', ['cidrBlock: Invalid value: "172.0.1.0/24": must lie within vpc-seed0001 (172.0.0.0/24)']],
    ['over another subnet', '172.0.0.64/26', 'subnet-new', ['cidrBlock: Invalid value: "172.0.0.64/26": overlaps with subnet subnet-seed0001 172.0.0.0/25']],
    ['the same subnet again', '172.0.0.0/25', 'subnet-seed0001', []],
  ])('a subnet %s → %j', (_name, cidr, id, messages) => {
    const halves = { ...world, subnets: [{ id: 'subnet-seed0001', cidr: '172.0.0.0/25', zone: 'ap-guangzhou-3' }] };
    expect(formatFieldErrors(checkSubnet(halves, { id, cidr, zone: 'ap-guangzhou-3' }))).toEqual(messages);
  });
});
