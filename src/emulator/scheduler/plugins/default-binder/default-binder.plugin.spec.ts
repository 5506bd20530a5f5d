import { CycleState } from '../../framework.js';
import { PodInfo } from '../../pod-info.js';
import { makePod } from '../../testing/fixtures.js';
import { DefaultBinderPlugin } from './default-binder.plugin.js';

describe('DefaultBinder', () => {
  it.each([
    ['a pod with a uid', 'u-1', { namespace: 'shop', name: 'web', uid: 'u-1' }],
    ['a pod without a uid', undefined, { namespace: 'shop', name: 'web' }],
  ])('binds %s to the chosen node', (_case, uid, metadata) => {
    const pod = makePod('web', { namespace: 'shop' });
    pod.metadata.uid = uid;
    const result = new DefaultBinderPlugin().bind(new CycleState(), PodInfo.of(pod), 'node-7');
    expect(result.status.code).toBe('Success');
    expect(result.binding).toEqual({ apiVersion: 'v1', kind: 'Binding', metadata, target: { kind: 'Node', name: 'node-7' } });
  });
});
