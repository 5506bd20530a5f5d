import type { StoredEvent } from '../../../platform/kernel/index.js';
import { concernsNetwork, NetworkInterest } from './network-interest.js';

const event = (type: string, data: Record<string, unknown>): StoredEvent => ({ type, data: { clusterId: 'cls-1', ...data } }) as unknown as StoredEvent;

describe('concernsNetwork', () => {
  it.each<[string, StoredEvent, boolean]>([
    ['a node joining', event('NodeAdded', { name: '172.0.0.2' }), true],
    ['pods scheduled', event('PodsScheduled', { outcomes: [] }), false],
    ['pods advancing a stage', event('PodsAdvanced', { pods: [] }), false],
    ['a ReplicaSet creating pods with events', event('ObjectsReconciled', { actions: [{ type: 'createPods', object: { kind: 'Pod' } }, { type: 'event', involved: { kind: 'ReplicaSet' } }] }), false],
    ['the endpoints controller writing Endpoints', event('ObjectsReconciled', { actions: [{ type: 'update', object: { kind: 'Endpoints' } }] }), true],
    ['a Node status write', event('ObjectsReconciled', { actions: [{ type: 'status', kind: 'Node' }] }), true],
    ['a Service applied', event('ObjectsApplied', { created: [{ kind: 'Service' }], configured: [] }), true],
    ['a Deployment applied', event('ObjectsApplied', { created: [{ kind: 'Deployment' }], configured: [] }), false],
    ['an Ingress deleted', event('ObjectDeleted', { kind: 'Ingress' }), true],
    ['a pod deleted', event('ObjectDeleted', { kind: 'Pod' }), false],
    ['a node failing', event('NodeHealthChanged', { unreachable: ['172.0.0.2'], reachable: [] }), true],
  ])('%s → %s', (_case, e, expected) => {
    expect(concernsNetwork(e)).toBe(expected);
  });
});

describe('NetworkInterest', () => {
  it('given a settled cluster, when a relevant event comes, then it is unsettled; pod-only traffic leaves it settled', () => {
    const interest = new NetworkInterest();
    interest.settle('cls-1');
    interest.observe(event('PodsScheduled', { outcomes: [] }));
    expect(interest.isSettled('cls-1')).toBe(true);
    interest.observe(event('NodeRemoved', { name: '172.0.0.2' }));
    expect(interest.isSettled('cls-1')).toBe(false);
  });
});
