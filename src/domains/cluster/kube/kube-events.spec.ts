import { emptyStore, listObjects, type KubeObject } from '../../../emulator/kube/index.js';
import { COMBINED } from './event-aggregator.js';
import { MAX_EVENTS, recordEvent, type KubeEventObject } from './kube-events.js';
import type { KubeCluster } from './kube.types.js';

const at = (second: number): string => new Date(Date.UTC(2017, 5, 1, 0, 0, second)).toISOString();
const cluster = (): KubeCluster => ({ ...emptyStore(), clusterId: 'cls-1', accountId: 'a', region: 'r', kubernetesVersion: '1.7.8', serviceCidr: '', streamVersion: 0, podSince: {}, scheduling: {}, schedulerStartIndex: 0, nodeFailures: {} });
const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', uid: 'rs-uid' } };
const RS_CONTROLLER = { component: 'replicaset-controller' };
const events = (c: KubeCluster): KubeEventObject[] => listObjects<KubeEventObject>(c, 'Event');

describe('recordEvent (client-go event recorder)', () => {
  it('given an event already recorded, when it repeats, then its count and lastTimestamp grow', () => {
    const c = cluster();
    recordEvent(c, rs, { type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: web-1-a' }, RS_CONTROLLER, at(0));
    recordEvent(c, rs, { type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: web-1-a' }, RS_CONTROLLER, at(5));
    expect(events(c).map((e) => [e.message, e.count, e.firstTimestamp, e.lastTimestamp])).toEqual([['Created pod: web-1-a', 1 + 1, at(0), at(5)]]);
  });

  it('given nine similar events, when a tenth different message comes, then it is combined, and later ones count into it', () => {
    const c = cluster();
    for (let i = 0; i < 12; i++) recordEvent(c, rs, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: web-1-${i}` }, RS_CONTROLLER, at(i));
    const stored = events(c);
    expect(stored).toHaveLength(10);
    expect(stored.slice(0, 9).map((e) => e.message)).toEqual(Array.from({ length: 9 }, (_, i) => `Created pod: web-1-${i}`));
    expect(stored[9]).toMatchObject({ message: `${COMBINED}Created pod: web-1-11`, count: 3, firstTimestamp: at(9), lastTimestamp: at(11) });
  });

  it('given similar events older than ten minutes, when a new message comes, then it is recorded on its own', () => {
    const c = cluster();
    for (let i = 0; i < 9; i++) recordEvent(c, rs, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: web-1-${i}` }, RS_CONTROLLER, at(i));
    recordEvent(c, rs, { type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: web-1-late' }, RS_CONTROLLER, at(700));
    expect(events(c).at(-1)!.message).toBe('Created pod: web-1-late');
  });

  it('given events about different objects, then none are combined', () => {
    const c = cluster();
    for (let i = 0; i < 20; i++) {
      const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default', uid: `u${i}` } };
      recordEvent(c, pod, { type: 'Normal', reason: 'Scheduled', message: `Successfully assigned default/p${i} to n1` }, { component: 'default-scheduler' }, at(i));
    }
    expect(events(c).filter((e) => e.message.startsWith(COMBINED))).toEqual([]);
  });

  it(`given more than ${MAX_EVENTS} events, then the oldest tenth is dropped and a rebuilt recorder agrees with the live one`, () => {
    const c = cluster();
    const pod = (i: number): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default', uid: `u${i}` } });
    for (let i = 0; i <= MAX_EVENTS; i++) recordEvent(c, pod(i), { type: 'Normal', reason: 'Pulling', message: 'Pulling image "nginx"' }, { component: 'kubelet' }, at(0));
    expect(events(c)).toHaveLength(MAX_EVENTS * 0.9);
    expect(events(c)[0].involvedObject.name).toBe(`p${MAX_EVENTS * 0.1 + 1}`);
    const copy: KubeCluster = JSON.parse(JSON.stringify(c));
    for (const target of [c, copy]) recordEvent(target, pod(MAX_EVENTS), { type: 'Normal', reason: 'Pulling', message: 'Pulling image "nginx"' }, { component: 'kubelet' }, at(1));
    expect(JSON.stringify(copy.objects.Event)).toBe(JSON.stringify(c.objects.Event));
  });
});
