import { getObject, listObjects, type KubeObject, type Pod } from '../../../emulator/kube/index.js';
import type { StoredEvent } from '../../../platform/kernel/index.js';
import { clusterDecider } from '../cluster/cluster.decider.js';
import type { ClusterCommand, ClusterEvent } from '../cluster/cluster.types.js';
import { decideKube } from './kube.decider.js';
import { kubeObjectsProjection, type KubeObjectsState } from './kube-objects.projection.js';
import type { KubeCommand, KubeEvent } from './kube.types.js';
import type { KubeEventObject } from './kube-events.js';

const at = '2017-06-01T00:00:00.000Z';
const later = '2017-06-01T00:00:05.000Z';

/** world folds cluster and kube events the way the live projection does. */
function world() {
  const state: KubeObjectsState = kubeObjectsProjection.initialState();
  let position = 0;
  const apply = (events: Array<ClusterEvent | KubeEvent>) => {
    for (const e of events) kubeObjectsProjection.apply(state, { ...e, position: ++position, streamId: 's', streamVersion: position, metadata: { accountId: 'acme', virtualTime: at } } as unknown as StoredEvent);
  };
  const cluster = () => state.clusters['cls-1'];
  /** replay folds events as a log holds them, without deciding (a log written by an older version). */
  const replay = (events: KubeEvent[]) => apply(events);
  const decide = (command: KubeCommand) => {
    const events = decideKube(command, cluster());
    apply(events);
    return events;
  };
  const create: ClusterCommand = {
    type: 'CreateCluster',
    data: { name: 'demo', description: '', region: 'ap-guangzhou', zone: 'ap-guangzhou-3', vpcCidr: '172.0.0.0/24', podCidr: '10.0.0.0/14', serviceCidr: '172.16.0.0/16', kubernetesVersion: '1.32.2', clusterId: 'cls-1', accountId: 'acme', createdAt: at },
  };
  const created = clusterDecider.decide(create, clusterDecider.initialState);
  const nodes = clusterDecider.decide({ type: 'AddNodes', data: { accountId: 'acme', clusterId: 'cls-1', count: 2, instanceType: 'S2.MEDIUM4', instanceIds: ['ins-a', 'ins-b'], at } }, clusterDecider.evolve(clusterDecider.initialState, created[0]));
  apply([...created, ...nodes]);
  return { state, cluster, decide, replay };
}

const nginx = (extra: Partial<Pod['spec']> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx', namespace: 'default' },
  spec: { containers: [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '200m' } } }], restartPolicy: 'Always', ...extra },
});
const apply = (objects: KubeObject[], accountId = 'acme'): KubeCommand => ({ type: 'ApplyObjects', data: { accountId, clusterId: 'cls-1', objects, at } });

describe('kube objects', () => {
  it('starts a cluster with its namespaces, and a Node and Lease per CVM', () => {
    const { cluster } = world();
    expect(listObjects(cluster(), 'Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const node = getObject(cluster(), 'Node', undefined, '172.0.0.2')!;
    expect(node.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': '172.0.0.2', 'topology.kubernetes.io/zone': 'ap-guangzhou-3' });
    expect(getObject(cluster(), 'Lease', 'kube-node-lease', '172.0.0.3')).toBeDefined();
  });

  it('creates, leaves unchanged, and configures on re-apply', () => {
    const { decide, cluster } = world();
    expect(decide(apply([nginx()]))[0]).toMatchObject({ type: 'ObjectsApplied', data: { created: [{ kind: 'Pod' }], configured: [] } });
    const pod = getObject<Pod>(cluster(), 'Pod', 'default', 'nginx')!;
    expect(pod.metadata).toMatchObject({ uid: expect.stringMatching(/^[0-9a-f-]{36}$/), creationTimestamp: at, generation: 1 });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'Burstable' });
    expect(decide(apply([nginx()]))).toEqual([]);
    const changed = decide(apply([nginx({ terminationGracePeriodSeconds: 10 })]));
    expect(changed[0]).toMatchObject({ data: { created: [], configured: [{ kind: 'Pod' }] } });
    expect(getObject(cluster(), 'Pod', 'default', 'nginx')!.metadata).toMatchObject({ uid: pod.metadata.uid, generation: 2 });
  });

  it('refuses a namespace that does not exist, and another account\'s cluster', () => {
    const { cluster } = world();
    const elsewhere = { ...nginx(), metadata: { name: 'x', namespace: 'nowhere' } };
    expect(() => decideKube(apply([elsewhere]), cluster())).toThrow('namespaces "nowhere" not found');
    expect(() => decideKube(apply([nginx()], 'mallory'), cluster())).toThrow('clusters "cls-1" not found');
  });

  it('binds a pod, then the kubelet gives it the seed\'s first pod IP and runs it, with Kubernetes events', () => {
    const { decide, cluster } = world();
    decide(apply([nginx()]));
    decide({ type: 'SchedulePods', data: { clusterId: 'cls-1', at, outcomes: [{ namespace: 'default', name: 'nginx', nodeName: '172.0.0.2' }], nextStartIndex: 1 } });
    decide({ type: 'AdvancePods', data: { clusterId: 'cls-1', at, stage: 'pod-create', pods: [{ namespace: 'default', name: 'nginx' }] } });
    // No readiness probe: one status update says Running and Ready, as the kubelet's first one after the start does.
    expect(decide({ type: 'AdvancePods', data: { clusterId: 'cls-1', at: later, stage: 'pod-start', pods: [{ namespace: 'default', name: 'nginx', pulledMs: 1500 }] } })).toEqual([]);
    decide({ type: 'AdvancePods', data: { clusterId: 'cls-1', at: later, stage: 'pod-start-without-probe', pods: [{ namespace: 'default', name: 'nginx', pulledMs: 1500 }] } });
    const pod = getObject<Pod>(cluster(), 'Pod', 'default', 'nginx')!;
    expect(pod.spec.nodeName).toBe('172.0.0.2');
    expect(pod.status).toMatchObject({ phase: 'Running', hostIP: '172.0.0.2', podIP: '10.0.0.2' });
    expect(pod.status!.containerStatuses).toMatchObject([{ ready: true, started: true }]);
    expect(pod.status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: later });
    const events = listObjects<KubeEventObject>(cluster(), 'Event').map((e) => [e.reason, e.message]);
    expect(events).toEqual([
      ['Scheduled', 'Successfully assigned default/nginx to 172.0.0.2'],
      ['Pulling', 'Pulling image "nginx"'],
      ['Pulled', 'Successfully pulled image "nginx" in 1.5s (1.5s including waiting)'],
      ['Created', 'Created container nginx'],
      ['Started', 'Started container nginx'],
    ]);
  });

  it('replays a log written before pod-start-without-probe: pod-start, then pod-ready-without-probe, still run the pod and make it ready', () => {
    const { decide, replay, cluster } = world();
    decide(apply([nginx()]));
    decide({ type: 'SchedulePods', data: { clusterId: 'cls-1', at, outcomes: [{ namespace: 'default', name: 'nginx', nodeName: '172.0.0.2' }], nextStartIndex: 1 } });
    decide({ type: 'AdvancePods', data: { clusterId: 'cls-1', at, stage: 'pod-create', pods: [{ namespace: 'default', name: 'nginx' }] } });
    replay([{ type: 'PodsAdvanced', data: { clusterId: 'cls-1', at: later, stage: 'pod-start', pods: [{ namespace: 'default', name: 'nginx', pulledMs: 1500 }] } }]);
    expect(getObject<Pod>(cluster(), 'Pod', 'default', 'nginx')!.status).toMatchObject({ phase: 'Running', containerStatuses: [{ ready: false }] });
    replay([{ type: 'PodsAdvanced', data: { clusterId: 'cls-1', at: later, stage: 'pod-ready-without-probe', pods: [{ namespace: 'default', name: 'nginx' }] } }]);
    expect(getObject<Pod>(cluster(), 'Pod', 'default', 'nginx')!.status).toMatchObject({ phase: 'Running', containerStatuses: [{ ready: true }] });
  });

  it('counts a repeated FailedScheduling into one event, and ignores stale outcomes', () => {
    const { decide, cluster } = world();
    decide(apply([nginx()]));
    const failed = { namespace: 'default', name: 'nginx', nodeName: null, message: '0/2 nodes are available: 2 Insufficient cpu.' };
    decide({ type: 'SchedulePods', data: { clusterId: 'cls-1', at, outcomes: [failed], nextStartIndex: 0 } });
    decide({ type: 'SchedulePods', data: { clusterId: 'cls-1', at: later, outcomes: [failed], nextStartIndex: 0 } });
    const [event] = listObjects<KubeEventObject>(cluster(), 'Event');
    expect(event).toMatchObject({ reason: 'FailedScheduling', type: 'Warning', count: 2, firstTimestamp: at, lastTimestamp: later });
    expect(getObject<Pod>(cluster(), 'Pod', 'default', 'nginx')!.status!.conditions).toEqual([
      { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: failed.message, lastProbeTime: null, lastTransitionTime: at },
    ]);
    expect(cluster().scheduling['default/nginx']).toMatchObject({ attempts: 2, nodeName: null });
    decide({ type: 'SchedulePods', data: { clusterId: 'cls-1', at, outcomes: [{ ...failed, nodeName: '172.0.0.2', message: undefined }], nextStartIndex: 0 } });
    expect(decideKube({ type: 'SchedulePods', data: { clusterId: 'cls-1', at, outcomes: [{ ...failed, nodeName: '172.0.0.3' }], nextStartIndex: 0 } }, cluster())).toEqual([]);
  });

  it('terminates a bound pod gracefully and removes an unbound one at once', () => {
    const { decide, cluster } = world();
    decide(apply([nginx(), { ...nginx(), metadata: { name: 'idle', namespace: 'default' } }]));
    decide({ type: 'SchedulePods', data: { clusterId: 'cls-1', at, outcomes: [{ namespace: 'default', name: 'nginx', nodeName: '172.0.0.2' }], nextStartIndex: 0 } });
    const del = (name: string): KubeCommand => ({ type: 'DeleteObject', data: { accountId: 'acme', clusterId: 'cls-1', kind: 'Pod', namespace: 'default', name, at: later } });
    decide(del('nginx'));
    decide(del('idle'));
    expect(getObject(cluster(), 'Pod', 'default', 'idle')).toBeUndefined();
    expect(getObject<Pod>(cluster(), 'Pod', 'default', 'nginx')!.metadata).toMatchObject({ deletionTimestamp: later, deletionGracePeriodSeconds: 30 });
    expect(decideKube(del('nginx'), cluster())).toEqual([]);
    decide({ type: 'AdvancePods', data: { clusterId: 'cls-1', at: later, stage: 'pod-stop', pods: [{ namespace: 'default', name: 'nginx' }] } });
    expect(getObject(cluster(), 'Pod', 'default', 'nginx')).toBeUndefined();
  });

  describe('WriteObject (the Kubernetes API\'s POST and PUT)', () => {
    const write = (object: KubeObject, mode: 'create' | 'update' | 'status', accountId = 'acme'): KubeCommand => ({ type: 'WriteObject', data: { accountId, clusterId: 'cls-1', object, mode, at } });
    const config = (data: Record<string, string>, resourceVersion?: string): KubeObject =>
      ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default', ...(resourceVersion ? { resourceVersion } : {}) }, data }) as KubeObject;

    it('creates once, then refuses a second create with AlreadyExists', () => {
      const { decide, cluster } = world();
      expect(decide(write(config({ a: '1' }), 'create'))[0]).toMatchObject({ type: 'ObjectsApplied', data: { created: [{ kind: 'ConfigMap' }], configured: [] } });
      expect(getObject(cluster(), 'ConfigMap', 'default', 'cfg')).toBeDefined();
      expect(() => decideKube(write(config({ a: '2' }), 'create'), cluster())).toThrow('configmaps "cfg" already exists');
    });

    it('updates under the current resourceVersion, and refuses a stale one with Conflict', () => {
      const { decide, cluster } = world();
      decide(write(config({ a: '1' }), 'create'));
      const current = getObject(cluster(), 'ConfigMap', 'default', 'cfg')!.metadata.resourceVersion!;
      expect(decide(write(config({ a: '2' }, current), 'update'))[0]).toMatchObject({ data: { configured: [{ kind: 'ConfigMap' }] } });
      expect(() => decideKube(write(config({ a: '3' }, current), 'update'), cluster())).toThrow(/Operation cannot be fulfilled on configmaps "cfg": the object has been modified/);
      expect(decide(write(config({ a: '3' }), 'update'))).toHaveLength(1);
    });

    it('writes nothing for an update that changes nothing, and refuses a missing object or another account', () => {
      const { decide, cluster } = world();
      decide(write(config({ a: '1' }), 'create'));
      expect(decide(write(config({ a: '1' }), 'update'))).toEqual([]);
      expect(() => decideKube(write({ ...config({}), metadata: { name: 'gone', namespace: 'default' } } as KubeObject, 'update'), cluster())).toThrow('configmaps "gone" not found');
      expect(() => decideKube(write(config({}), 'create', 'mallory'), cluster())).toThrow('clusters "cls-1" not found');
    });

    it('writes only the status through the status subresource, nothing for the same status, and Conflict on a stale resourceVersion', () => {
      const { decide, cluster } = world();
      decide(write(config({ a: '1' }), 'create'));
      const current = getObject(cluster(), 'ConfigMap', 'default', 'cfg')!.metadata.resourceVersion!;
      const withStatus = { ...config({ a: 'ignored' }, current), status: { phase: 'Ready' } } as KubeObject;
      expect(decide(write(withStatus, 'status'))).toEqual([
        { type: 'ObjectsReconciled', data: { clusterId: 'cls-1', at, controller: 'kube-apiserver', actions: [{ type: 'status', kind: 'ConfigMap', namespace: 'default', name: 'cfg', status: { phase: 'Ready' } }] } },
      ]);
      expect(getObject(cluster(), 'ConfigMap', 'default', 'cfg')).toMatchObject({ data: { a: '1' }, status: { phase: 'Ready' } });
      expect(decide(write({ ...withStatus, metadata: { name: 'cfg', namespace: 'default' } } as KubeObject, 'status'))).toEqual([]);
      expect(() => decideKube(write(withStatus, 'status'), cluster())).toThrow(/the object has been modified/);
    });
  });
});
