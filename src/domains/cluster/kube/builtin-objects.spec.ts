import { LABEL_HOSTNAME, LABEL_INSTANCE_TYPE, LABEL_REGION, LABEL_ZONE } from '../../../emulator/kube/index.js';
import type { NodeFacts } from '../cluster/cluster.types.js';
import { nodeObject } from './builtin-objects.js';

const resources = { cpu: '4', memory: '8Gi', pods: '110', ephemeralStorage: '50Gi' };
const facts = {
  name: '172.16.0.5',
  instanceId: 'ins-abc',
  instanceType: 'S2.LARGE8',
  privateIp: '172.16.0.5',
  hostIp: '172.16.0.5',
  podCidr: '10.0.5.0/24',
  zone: 'ap-guangzhou-3',
  capacity: resources,
  allocatable: resources,
  conditions: [],
  createdAt: '2017-01-01T00:00:00.000Z',
} as unknown as NodeFacts;

describe('nodeObject', () => {
  it('given a CVM, then the Node carries the well-known topology labels under the names the scheduler reads', () => {
    const labels = nodeObject(facts, { region: 'ap-guangzhou', kubernetesVersion: '1.7.8' }).metadata.labels!;
    expect([labels[LABEL_HOSTNAME], labels[LABEL_INSTANCE_TYPE], labels[LABEL_ZONE], labels[LABEL_REGION]]).toEqual(['172.16.0.5', 'S2.LARGE8', 'ap-guangzhou-3', 'ap-guangzhou']);
  });
});
