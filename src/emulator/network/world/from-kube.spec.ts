import type { Pod } from '../../kube/pod.js';
import { allocatePodIp } from '../ipam/pod-ip-allocator.js';
import { networkPodFromKube, podIpsInUse } from './from-kube.js';

const pod = (name: string, ip: string | undefined, phase: string, ready = true): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { nodeName: '172.0.0.3', containers: [] },
    status: { phase, ...(ip ? { podIP: ip } : {}), conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  }) as unknown as Pod;

describe('network view of kube objects', () => {
  it('reads a pod’s IP, node, labels and readiness', () => {
    expect(networkPodFromKube(pod('web-b', '10.0.1.3', 'Running'))).toEqual({ namespace: 'default', name: 'web-b', ip: '10.0.1.3', nodeName: '172.0.0.3', labels: { app: 'web' }, ready: true });
    expect(networkPodFromKube(pod('web-c', undefined, 'Pending', false))).toMatchObject({ ready: false });
    expect(networkPodFromKube(pod('web-c', undefined, 'Pending')).ip).toBeUndefined();
  });

  it('given a finished pod, then its IP is free again for the next pod on the node', () => {
    const pods = [pod('a', '10.0.1.2', 'Succeeded'), pod('b', '10.0.1.3', 'Running')];
    expect(podIpsInUse(pods, '172.0.0.3')).toEqual(['10.0.1.3']);
    expect(allocatePodIp('10.0.1.0/24', podIpsInUse(pods, '172.0.0.3'))).toBe('10.0.1.2');
  });
});
