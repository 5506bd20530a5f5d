import { getObject, type KubeObject, type Pod, type ReplicaSet, type ReplicaSetStatus } from '../../kube/index.js';
import { ALPHANUMS } from '../helpers/hash.js';
import { at, markRunning, node, template, World } from '../testing/world.js';
import { REPLICATION_CONTROLLER, ReplicaSetController } from './replicaset.controller.js';

const rs = (replicas: number, minReadySeconds?: number): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, minReadySeconds, selector: { matchLabels: { app: 'web' } }, template: template('web') },
});

const orphan = (name: string, labels = { app: 'web' }): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] },
  status: { phase: 'Pending' },
});

const controller = new ReplicaSetController();
const statusOf = (w: World, kind = 'ReplicaSet') => getObject(w.store, kind, 'default', 'web')!.status as ReplicaSetStatus;

describe('replicaset controller', () => {
  it('creates pods named <rs>-<5 chars> from the template, owned by the ReplicaSet, with kube\'s events', () => {
    const w = new World().add(rs(3));
    w.settle([controller]);
    const owner = getObject(w.store, 'ReplicaSet', 'default', 'web')!;
    const pods = w.pods();
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(new RegExp(`^web-[${ALPHANUMS}]{5}$`));
      expect(pod.metadata).toMatchObject({ generateName: 'web-', labels: { app: 'web' } });
      expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }]);
      expect(pod.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', enableServiceLinks: true });
      expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    }
    expect(w.events().map((e) => [e.reason, e.message, e.source.component])).toEqual(pods.map((p) => ['SuccessfulCreate', `Created pod: ${p.metadata.name}`, 'replicaset-controller']));
    expect(statusOf(w)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    expect(controller.reconcile(w.context())).toEqual([]);
  });

  it('counts ready and available pods, honouring minReadySeconds', () => {
    const w = new World().add(node('n1'), rs(2, 10));
    w.settle([controller]);
    w.kubelet();
    w.settle([controller]);
    expect(statusOf(w)).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(statusOf(w).availableReplicas).toBeUndefined();
    w.now = at(11);
    w.settle([controller]);
    expect(statusOf(w)).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  it('deletes unscheduled, then pending, then not-ready pods before ready ones when scaling down', () => {
    const w = new World().add(node('n1'), node('n2'), rs(4));
    w.settle([controller]);
    const [a, b, c, d] = w.pods();
    const set = (pod: Pod, change: (p: Pod) => void) => w.write<Pod>('Pod', 'default', pod.metadata.name!, change);
    set(a, (p) => { p.spec.nodeName = 'n1'; markRunning(p, w.now, true, '10.0.0.2'); });
    set(b, (p) => { p.spec.nodeName = 'n2'; markRunning(p, w.now, false, '10.0.0.3'); });
    set(c, (p) => { p.spec.nodeName = 'n2'; });
    w.edit<ReplicaSet>('ReplicaSet', 'default', 'web', (o) => { o.spec.replicas = 1; });
    const deleted = controller.reconcile(w.context()).filter((x) => x.type === 'delete').map((x) => (x as { name: string }).name);
    expect(deleted).toEqual([d.metadata.name, c.metadata.name, b.metadata.name]);
    w.settle([controller]);
    expect(w.pods().filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name)).toEqual([a.metadata.name]);
    expect(w.events().filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message)).toContain(`Deleted pod: ${b.metadata.name}`);
  });

  it('prefers deleting the pod doubled up on a node, then the most recently ready', () => {
    const w = new World().add(node('n1'), node('n2'), rs(3));
    w.settle([controller]);
    const [a, b, c] = w.pods();
    const bind = (pod: Pod, nodeName: string, readyAt: string) =>
      w.write<Pod>('Pod', 'default', pod.metadata.name!, (stored) => {
        stored.spec.nodeName = nodeName;
        markRunning(stored, readyAt, true, '10.0.0.9');
      });
    bind(a, 'n1', at(0));
    bind(b, 'n2', at(0));
    bind(c, 'n2', at(3600));
    w.now = at(7200);
    w.edit<ReplicaSet>('ReplicaSet', 'default', 'web', (o) => { o.spec.replicas = 2; });
    const deleted = controller.reconcile(w.context()).filter((x) => x.type === 'delete').map((x) => (x as { name: string }).name);
    expect(deleted).toEqual([c.metadata.name]);
  });

  it('adopts orphans it selects, releases pods it no longer selects, and leaves others alone', () => {
    const w = new World().add(orphan('stray'), orphan('other', { app: 'db' }), rs(2));
    w.settle([controller]);
    const owner = getObject(w.store, 'ReplicaSet', 'default', 'web')!;
    const stray = getObject<Pod>(w.store, 'Pod', 'default', 'stray')!;
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', uid: owner.metadata.uid, controller: true });
    expect(getObject<Pod>(w.store, 'Pod', 'default', 'other')!.metadata.ownerReferences).toBeUndefined();
    expect(w.pods().filter((p) => p.metadata.ownerReferences?.length)).toHaveLength(2);
    w.edit<Pod>('Pod', 'default', 'stray', (p) => { p.metadata.labels = { app: 'gone' }; });
    w.settle([controller]);
    expect(getObject<Pod>(w.store, 'Pod', 'default', 'stray')!.metadata.ownerReferences).toEqual([]);
    expect(w.pods().filter((p) => p.metadata.ownerReferences?.length)).toHaveLength(2);
  });

  it('replaces pods that finished or are being deleted', () => {
    const w = new World().add(node('n1'), rs(2));
    w.settle([controller]);
    const [a] = w.pods();
    w.write<Pod>('Pod', 'default', a.metadata.name!, (stored) => { stored.status = { phase: 'Failed' }; });
    w.settle([controller]);
    expect(w.pods().filter((p) => p.status?.phase !== 'Failed')).toHaveLength(2);
    expect(statusOf(w).replicas).toBe(2);
  });

  it('keeps a ReplicationController\'s pods by its plain selector, as the replication-controller', () => {
    const rc: KubeObject = { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { app: 'web' }, template: template('web') } };
    const w = new World().add(rc);
    const rcController = new ReplicaSetController(REPLICATION_CONTROLLER);
    w.settle([rcController]);
    expect(rcController.name).toBe('replicationcontroller');
    expect(w.pods().map((p) => p.metadata.ownerReferences?.[0].kind)).toEqual(['ReplicationController', 'ReplicationController']);
    expect(w.events().map((e) => e.source.component)).toEqual(['replication-controller', 'replication-controller']);
    expect(statusOf(w, 'ReplicationController')).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
  });
});
