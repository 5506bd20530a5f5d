import fc from 'fast-check';
import type { ContainerStatus, Pod } from '../kube/pod.js';
import { containerId } from './container-ids.js';
import { podFacts, podStageOf } from './pod-facts.js';
import { matchingStage } from './pod-stages.js';

const state = fc.constantFrom<ContainerStatus['state']>(
  { waiting: { reason: 'ContainerCreating' } },
  { waiting: { reason: 'CrashLoopBackOff' } },
  { running: { startedAt: '2017-06-01T00:00:00.000Z' } },
  { terminated: { exitCode: 1 } },
);
const status = fc.record({ state, ready: fc.boolean() }).map(({ state: s, ready }): ContainerStatus => ({ name: 'c', state: s, lastState: {}, ready, started: false, restartCount: 0, image: 'nginx', imageID: '' }));
const pod = fc
  .record({ bound: fc.boolean(), deleting: fc.boolean(), probe: fc.boolean(), statuses: fc.array(status, { maxLength: 3 }) })
  .map(({ bound, deleting, probe, statuses }): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...(deleting ? { deletionTimestamp: '2017-06-01T00:00:00.000Z' } : {}) },
    spec: { containers: [{ name: 'c', image: 'nginx', ...(probe ? { readinessProbe: { initialDelaySeconds: 5 } } : {}) }], ...(bound ? { nodeName: 'n1' } : {}) },
    status: { phase: 'Pending', containerStatuses: statuses },
  }));

describe('podStageOf', () => {
  it('given any pod, then the fact mask picks the same stage as the fact set', () => {
    fc.assert(fc.property(pod, (p) => expect(podStageOf(p)?.name).toBe(matchingStage(podFacts(p))?.name)), { numRuns: 500 });
  });
});

describe('containerId', () => {
  it.each([
    ['uid-1/nginx/0', 'uid-1/nginx/1'],
    ['uid-1/nginx/0', 'uid-2/nginx/0'],
  ])('gives %s and %s different 64-hex ids, the same each time', (a, b) => {
    expect(containerId(a)).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(containerId(a)).toBe(containerId(a));
    expect(containerId(a)).not.toBe(containerId(b));
  });
});
