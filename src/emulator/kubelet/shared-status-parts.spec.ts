import { creatingStatuses, runningState, sharedCondition, sharedHostIps } from './shared-status-parts.js';

describe('status parts shared by pods written alike', () => {
  const at = '2017-01-01T00:00:05.000Z';

  it('given two pods written at one instant, then they hold one frozen condition object per type, status and message', () => {
    const a = sharedCondition('Ready', 'False', at, 'ContainersNotReady', 'containers with unready status: [c]');
    expect(sharedCondition('Ready', 'False', at, 'ContainersNotReady', 'containers with unready status: [c]')).toBe(a);
    expect(a).toEqual({ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [c]', lastProbeTime: null, lastTransitionTime: at });
    expect(Object.isFrozen(a)).toBe(true);
    expect(sharedCondition('Ready', 'True', at)).toEqual({ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: at });
    expect(sharedCondition('Ready', 'False', '2017-01-01T00:00:06.000Z', 'ContainersNotReady', 'containers with unready status: [c]')).not.toBe(a);
  });

  it('given pods of one template, then their ContainerCreating statuses are one frozen list', () => {
    const containers = [{ name: 'c', image: 'nginx:1.25' }];
    const statuses = creatingStatuses(containers);
    expect(creatingStatuses([{ name: 'c', image: 'nginx:1.25' }])).toBe(statuses);
    expect(statuses).toEqual([{ name: 'c', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, started: false, restartCount: 0, image: 'nginx:1.25', imageID: '' }]);
    expect(() => (statuses as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(creatingStatuses([{ name: 'c', image: 'nginx:1.26' }])).not.toBe(statuses);
  });

  it('shares running states by instant and hostIPs by node', () => {
    expect(runningState(at)).toBe(runningState(at));
    expect(runningState(at)).toEqual({ running: { startedAt: at } });
    expect(sharedHostIps('172.0.0.2')).toBe(sharedHostIps('172.0.0.2'));
    expect(sharedHostIps('172.0.0.2')).toEqual([{ ip: '172.0.0.2' }]);
  });
});
