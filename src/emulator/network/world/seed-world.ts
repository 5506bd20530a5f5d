import type { Endpoints, Service } from '../../kube/index.js';
import type { NetworkWorld } from './network-world.js';

/** SEED_VPC_ID is the VPC id the seed-world fixture uses (the talk names none). */
export const SEED_VPC_ID = 'vpc-seed0001';

const service: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'ClusterIP', clusterIP: '172.16.0.10', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }] },
};

const endpoints: Endpoints = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'web', namespace: 'default' },
  subsets: [
    {
      addresses: [{ ip: '10.0.1.3', nodeName: '172.0.0.3', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-b' } }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
  ],
};

/** seedNetworkWorld is the talk's §5 network: VPC 172.0.0.0/24, pods 10.0.0.0/14, CVM 172.0.0.2 on host 10.172.1.1 and CVM 172.0.0.3 on 10.172.1.2, pod 10.0.0.2 and pod 10.0.1.3. */
export function seedNetworkWorld(mode: NetworkWorld['mode'] = 'GlobalRouter'): NetworkWorld {
  return {
    clusterId: 'cls-seed0001',
    mode,
    vpc: { id: SEED_VPC_ID, cidr: '172.0.0.0/24' },
    subnets: [{ id: 'subnet-seed0001', cidr: '172.0.0.0/24', zone: 'ap-guangzhou-3' }],
    podCidr: '10.0.0.0/14',
    serviceCidr: '172.16.0.0/16',
    nodes: [
      { name: '172.0.0.2', privateIp: '172.0.0.2', hostIp: '10.172.1.1', podCidr: '10.0.0.0/24', zone: 'ap-guangzhou-3' },
      { name: '172.0.0.3', privateIp: '172.0.0.3', hostIp: '10.172.1.2', podCidr: '10.0.1.0/24', zone: 'ap-guangzhou-3' },
    ],
    pods: [
      { namespace: 'default', name: 'web-a', ip: '10.0.0.2', nodeName: '172.0.0.2', labels: { app: 'client' } },
      { namespace: 'default', name: 'web-b', ip: '10.0.1.3', nodeName: '172.0.0.3', labels: { app: 'web' } },
    ],
    services: [service],
    endpoints: [endpoints],
    globalRoutes: [
      { destination: '10.0.0.0/24', nextHop: '172.0.0.2', nodeName: '172.0.0.2' },
      { destination: '10.0.1.0/24', nextHop: '172.0.0.3', nodeName: '172.0.0.3' },
    ],
    peerings: [],
    natGateways: [],
    cdbInstances: [],
  };
}
