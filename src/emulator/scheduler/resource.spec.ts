import type { Container } from '../kube/index.js';
import { podRequests } from './resource.js';
import { makePod } from './testing/fixtures.js';

const c = (name: string, requests?: Record<string, string>, restartPolicy?: string): Container => ({
  name,
  image: 'busybox',
  resources: requests ? { requests } : {},
  ...(restartPolicy ? { restartPolicy } : {}),
});
const MB200 = 200 * 1024 * 1024;

describe('podRequests', () => {
  it.each<[string, Container[], Container[], [number, number], [number, number]]>([
    ['sums containers', [c('a', { cpu: '250m', memory: '64Mi' }), c('b', { cpu: '1', memory: '1Gi' })], [], [1250, 2 ** 30 + 64 * 2 ** 20], [1250, 2 ** 30 + 64 * 2 ** 20]],
    ['a container without requests counts 100m/200MB only as non-zero', [c('a')], [], [0, 0], [100, MB200]],
    ['an explicit zero stays zero even as non-zero', [c('a', { cpu: '0', memory: '0' })], [], [0, 0], [0, 0]],
    ['a missing memory request alone is defaulted', [c('a', { cpu: '1' })], [], [1000, 0], [1000, MB200]],
    ['the largest init container wins over a smaller sum', [c('a', { cpu: '1' })], [c('i', { cpu: '3' })], [3000, 0], [3000, MB200]],
    [
      'a sidecar adds to the containers and to later init containers',
      [c('a', { cpu: '1' })],
      [c('proxy', { cpu: '500m' }, 'Always'), c('migrate', { cpu: '1200m' })],
      [1700, 0],
      [1700, 2 * MB200],
    ],
  ])('%s', (_case, containers, initContainers, requests, nonZero) => {
    const pod = makePod('p', { containers, initContainers });
    const r = podRequests(pod, false);
    const nz = podRequests(pod, true);
    expect([[r.milliCPU, r.memory], [nz.milliCPU, nz.memory]]).toEqual([requests, nonZero]);
  });
});
