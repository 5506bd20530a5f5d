import type { Container } from './pod.js';
import { qosClass } from './pod-qos.js';

const pod = (...containers: Array<Partial<Container>>) => ({ spec: { containers: containers.map((c, i) => ({ name: `c${i}`, image: 'nginx', ...c })) } });

describe('qosClass', () => {
  it.each([
    [pod({}), 'BestEffort'],
    [pod({ resources: { requests: { cpu: '200m' } } }), 'Burstable'],
    [pod({ resources: { limits: { cpu: '1', memory: '1Gi' } } }), 'Guaranteed'],
    [pod({ resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }), 'Guaranteed'],
    [pod({ resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }), 'Burstable'],
    [pod({ resources: { limits: { cpu: '1', memory: '1Gi' } } }, {}), 'Burstable'],
  ])('%j is %s', (p, expected) => {
    expect(qosClass(p)).toBe(expected);
  });
});
