import { POD_PRINTER, type PrintablePod } from './pod-printer.js';

const NOW = Date.parse('2024-05-01T10:00:00Z');
const created = '2024-05-01T09:55:00Z';
const meta = { name: 'web-0', creationTimestamp: created };
const spec = { containers: [{ name: 'app' }, { name: 'log' }], nodeName: 'node-1' };
const running = { running: { startedAt: created } };

const pod = (status: PrintablePod['status'], extra: Partial<PrintablePod> = {}): PrintablePod => ({ metadata: meta, spec, status, ...extra });

describe('pod table', () => {
  it.each<[string, PrintablePod, string, string, string]>([
    ['pending, unscheduled', pod({ phase: 'Pending' }, { spec: { containers: [{ name: 'app' }] } }), '0/1', 'Pending', '0'],
    [
      'creating containers',
      pod({ phase: 'Pending', containerStatuses: [{ name: 'app', state: { waiting: { reason: 'ContainerCreating' } } }, { name: 'log', state: { waiting: { reason: 'ContainerCreating' } } }] }),
      '0/2',
      'ContainerCreating',
      '0',
    ],
    [
      'running and ready',
      pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: true, state: running }, { name: 'log', ready: true, state: running }] }),
      '2/2',
      'Running',
      '0',
    ],
    [
      'crash looping, restarts with their age',
      pod({
        phase: 'Running',
        containerStatuses: [
          { name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2024-05-01T09:58:00Z' } } },
          { name: 'log', ready: true, state: running },
        ],
      }),
      '1/2',
      'CrashLoopBackOff',
      '4 (2m ago)',
    ],
    [
      'image pull failing',
      pod({ phase: 'Pending', containerStatuses: [{ name: 'app', state: { waiting: { reason: 'ImagePullBackOff' } } }] }),
      '0/2',
      'ImagePullBackOff',
      '0',
    ],
    [
      'completed',
      pod({ phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }),
      '0/2',
      'Completed',
      '0',
    ],
    ['exit code without a reason', pod({ phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 3 } } }] }), '0/2', 'ExitCode:3', '0'],
    [
      'terminating',
      pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: true, state: running }] }, { metadata: { ...meta, deletionTimestamp: '2024-05-01T09:59:00Z' } }),
      '1/2',
      'Terminating',
      '0',
    ],
    [
      'on a lost node',
      pod({ phase: 'Running', reason: 'NodeLost' }, { metadata: { ...meta, deletionTimestamp: '2024-05-01T09:59:00Z' } }),
      '0/2',
      'Unknown',
      '0',
    ],
    [
      'an init container running',
      pod(
        { phase: 'Pending', initContainerStatuses: [{ name: 'init', state: { running: {} } }] },
        { spec: { ...spec, initContainers: [{ name: 'init' }] } },
      ),
      '0/2',
      'Init:0/1',
      '0',
    ],
    [
      'an init container failing',
      pod(
        { phase: 'Pending', initContainerStatuses: [{ name: 'init', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
        { spec: { ...spec, initContainers: [{ name: 'init' }] } },
      ),
      '0/2',
      'Init:CrashLoopBackOff',
      '2',
    ],
    ['scheduling gated', pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), '0/2', 'SchedulingGated', '0'],
  ])('%s', (_name, p, ready, status, restarts) => {
    const cells = POD_PRINTER.cells(p, NOW);
    expect(cells.slice(0, 5)).toEqual(['web-0', ready, status, restarts, '5m']);
  });

  it('prints the wide cells: IP, NODE, NOMINATED NODE, READINESS GATES', () => {
    const p = pod({ phase: 'Running', podIPs: [{ ip: '172.16.0.5' }], conditions: [{ type: 'example.com/lb', status: 'True' }] });
    p.spec = { ...spec, readinessGates: [{ conditionType: 'example.com/lb' }] };
    expect(POD_PRINTER.cells(p, NOW).slice(5)).toEqual(['172.16.0.5', 'node-1', '<none>', '1/1']);
    expect(POD_PRINTER.cells(pod({ phase: 'Pending' }, { spec: { containers: [] } }), NOW).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('has the columns kubectl shows, wide ones at priority 1', () => {
    expect(POD_PRINTER.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Ready:0', 'Status:0', 'Restarts:0', 'Age:0', 'IP:1', 'Node:1', 'Nominated Node:1', 'Readiness Gates:1',
    ]);
    expect(POD_PRINTER.columns[0].format).toBe('name');
  });

  it('marks finished pods Completed in the row conditions', () => {
    expect(POD_PRINTER.conditions?.(pod({ phase: 'Succeeded' }))).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
    expect(POD_PRINTER.conditions?.(pod({ phase: 'Running' }))).toBeUndefined();
  });
});
