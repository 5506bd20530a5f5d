import { emptyStore, putObject, type Node, type Pod } from '../../../emulator/kube/index.js';
import type { KubeCluster } from './kube.types.js';
import { podIpAllocator } from './pod-addresses.js';

const cluster = (): KubeCluster => ({ ...emptyStore(), clusterId: 'cls-1', accountId: 'a', region: 'r', kubernetesVersion: '1.7.8', serviceCidr: '', streamVersion: 0, podSince: {}, scheduling: {}, schedulerStartIndex: 0, nodeFailures: {} });
const node = (name: string, podCIDR: string): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { podCIDR }, status: {} }) as Node;
const pod = (name: string, nodeName: string, podIP?: string): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName, containers: [] }, status: { phase: 'Running', ...(podIP ? { podIP } : {}) } }) as Pod;

describe('podIpAllocator (kubenet IPAM of one node)', () => {
  it.each<[string, string, Array<string | undefined>, number, Array<string | undefined>]>([
    ['an empty node starts at .2 (.1 is the bridge)', '10.0.1.0/24', [], 3, ['10.0.1.2', '10.0.1.3', '10.0.1.4']],
    ['addresses in use are skipped, gaps are filled first', '10.0.1.0/24', ['10.0.1.2', '10.0.1.4', undefined], 3, ['10.0.1.3', '10.0.1.5', '10.0.1.6']],
    ['an address outside the node range does not count', '10.0.1.0/24', ['10.0.0.2'], 1, ['10.0.1.2']],
    ['a range not at .0 counts from its own start', '10.0.1.64/26', ['10.0.1.66', '10.0.1.2'], 2, ['10.0.1.67', '10.0.1.68']],
    ['a range wider than a /24 parses whole addresses', '10.0.0.0/23', ['10.0.0.2', '10.0.1.3'], 2, ['10.0.0.3', '10.0.0.4']],
    ['a full range gives nothing (no network or broadcast address)', '10.0.1.0/30', [], 2, ['10.0.1.2', undefined]],
  ])('%s', (_case, cidr, ips, calls, expected) => {
    const c = cluster();
    const n = node('172.0.0.3', cidr);
    putObject(c, n);
    ips.forEach((ip, i) => putObject(c, pod(`p${i}`, '172.0.0.3', ip)));
    putObject(c, pod('elsewhere', '172.0.0.2', '10.0.1.9'));
    const allocate = podIpAllocator(c, n);
    expect(Array.from({ length: calls }, () => allocate())).toEqual(expected);
  });
});
