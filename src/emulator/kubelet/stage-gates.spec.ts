import { emptyStore, type Pod } from '../kube/index.js';
import { podStages } from './pod-stages.js';
import { stageGateOpen } from './stage-gates.js';

const stage = (name: string) => podStages.find((s) => s.name === name)!;
const pod = (volumes: Pod['spec']['volumes']): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: '172.0.0.2', containers: [{ name: 'c', image: 'nginx' }], volumes } });

describe('stage gates', () => {
  it.each<[string, string, Pod['spec']['volumes'], boolean]>([
    ['pod-create never waits', 'pod-create', [{ name: 'test', qcloudCbs: { cbsDiskId: 'disk-echj2drf' } }], true],
    ['pod-start waits for a CBS disk its node does not list', 'pod-start', [{ name: 'test', qcloudCbs: { cbsDiskId: 'disk-echj2drf' } }], false],
    ['pod-start does not wait for a pod without CBS volumes', 'pod-start', [{ name: 'cache', emptyDir: {} }], true],
    ['pod-start does not wait for a pod without volumes', 'pod-start', undefined, true],
  ])('%s', (_case, name, volumes, open) => {
    expect(stageGateOpen(stage(name), pod(volumes), emptyStore())).toBe(open);
  });
});
