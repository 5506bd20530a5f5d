import { getObject, listObjects, type Deployment, type DeploymentStatus, type IntOrString, type Pod, type ReplicaSet } from '../../kube/index.js';
import { ReplicaSetController } from '../replicaset/replicaset.controller.js';
import { at, node, template, World } from '../testing/world.js';
import { DeploymentController } from './deployment.controller.js';

const deployment = (replicas: number, strategy: Deployment['spec']['strategy'] = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }, extra: Partial<Deployment['spec']> = {}): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: template('web', 'nginx:v1'), strategy, ...extra },
});

const controllers = [new DeploymentController(), new ReplicaSetController()];
const dep = (w: World) => getObject<Deployment>(w.store, 'Deployment', 'default', 'web')!;
const sets = (w: World) => listObjects<ReplicaSet>(w.store, 'ReplicaSet', 'default');
const live = (w: World) => w.pods().filter((p) => !p.metadata.deletionTimestamp);
const available = (w: World) => live(w).filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
const setImage = (w: World, image: string) => w.edit<Deployment>('Deployment', 'default', 'web', (d) => { d.spec.template.spec.containers[0].image = image; });
const scaling = (w: World) => w.events().filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);

/** rollOut steps controllers and kubelets until the Deployment is complete, checking the bounds after every commit. */
function rollOut(w: World, bounds?: { minAvailable: number; maxPods: number }, steps = 30): void {
  const check = () => {
    if (!bounds) return;
    expect(available(w)).toBeGreaterThanOrEqual(bounds.minAvailable);
    expect(live(w).length).toBeLessThanOrEqual(bounds.maxPods);
  };
  for (let i = 0; i < steps; i++) {
    w.settle(controllers, check);
    const s = dep(w).status ?? {};
    const want = dep(w).spec.replicas;
    if (s.updatedReplicas === want && s.availableReplicas === want && s.replicas === want && w.pods().every((p) => !p.metadata.deletionTimestamp)) return;
    w.now = at(i + 1);
    w.kubelet();
    check();
  }
  throw new Error('rollout did not complete');
}

describe('deployment controller', () => {
  it('creates <deployment>-<pod-template-hash> at revision 1 and reports a completed rollout as kube does', () => {
    const w = new World().add(node('n1'), deployment(3));
    rollOut(w);
    const [rs] = sets(w);
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.template.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', uid: dep(w).metadata.uid, controller: true });
    expect(dep(w).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(scaling(w)).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    const status = dep(w).status as DeploymentStatus;
    expect(status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(status.unavailableReplicas).toBeUndefined();
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
    expect(new DeploymentController().reconcile(w.context())).toEqual([]);
  });

  it.each<[number, IntOrString, IntOrString, number, number]>([
    [3, 1, 0, 3, 4],
    [3, '25%', '25%', 3, 4],
    [4, '25%', '25%', 3, 5],
    [3, 0, 1, 2, 3],
  ])('rolls %i replicas from v1 to v2 with maxSurge %s and maxUnavailable %s, never below %i available nor above %i pods', (replicas, surge, unavailable, minAvailable, maxPods) => {
    const w = new World().add(node('n1'), node('n2'), deployment(replicas, { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } }));
    rollOut(w);
    const [v1] = sets(w);
    setImage(w, 'nginx:v2');
    rollOut(w, { minAvailable, maxPods });
    const v2 = sets(w).find((rs) => rs.metadata.name !== v1.metadata.name)!;
    expect(w.pods().map((p) => p.spec.containers[0].image)).toEqual(Array(replicas).fill('nginx:v2'));
    expect(getObject<ReplicaSet>(w.store, 'ReplicaSet', 'default', v1.metadata.name!)!.spec.replicas).toBe(0);
    expect(v2.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(dep(w).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(dep(w).status).toMatchObject({ replicas, updatedReplicas: replicas, availableReplicas: replicas, observedGeneration: 2 });
    expect(scaling(w)).toContain(`Scaled down replica set ${v1.metadata.name} from 1 to 0`);
  });

  it('Recreate scales the old ReplicaSet to zero and starts new pods only once the old ones are gone', () => {
    const w = new World().add(node('n1'), deployment(3, { type: 'Recreate' }));
    rollOut(w);
    const [v1] = sets(w);
    setImage(w, 'nginx:v2');
    for (let i = 0; i < 10 && sets(w).length < 2; i++) {
      w.settle(controllers, () => expect(w.pods().some((p) => p.spec.containers[0].image === 'nginx:v2') && w.pods().some((p) => p.spec.containers[0].image === 'nginx:v1')).toBe(false));
      w.kubelet();
    }
    rollOut(w);
    const v2 = sets(w).find((rs) => rs.metadata.name !== v1.metadata.name)!;
    expect(scaling(w).slice(1)).toEqual([`Scaled down replica set ${v1.metadata.name} from 3 to 0`, `Scaled up replica set ${v2.metadata.name} from 0 to 3`]);
    expect(v2.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('scales the active ReplicaSet when only spec.replicas changes', () => {
    const w = new World().add(node('n1'), deployment(3));
    rollOut(w);
    w.edit<Deployment>('Deployment', 'default', 'web', (d) => { d.spec.replicas = 5; });
    rollOut(w);
    const [rs] = sets(w);
    expect(sets(w)).toHaveLength(1);
    expect(scaling(w)).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 3`, `Scaled up replica set ${rs.metadata.name} from 3 to 5`]);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('5');
  });

  it('keeps revisionHistoryLimit old ReplicaSets, deleting the oldest scaled to zero', () => {
    const w = new World().add(node('n1'), deployment(1, undefined, { revisionHistoryLimit: 1 }));
    rollOut(w);
    const [v1] = sets(w);
    setImage(w, 'nginx:v2');
    rollOut(w);
    setImage(w, 'nginx:v3');
    rollOut(w);
    w.settle(controllers);
    expect(sets(w).map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()).toEqual(['2', '3']);
    expect(getObject(w.store, 'ReplicaSet', 'default', v1.metadata.name!)).toBeUndefined();
  });

  it('reports ProgressDeadlineExceeded when new pods never become ready in time', () => {
    const w = new World().add(node('n1'), deployment(2, undefined, { progressDeadlineSeconds: 60 }));
    w.settle(controllers);
    w.schedule();
    w.start(() => true, false);
    w.settle(controllers);
    const progressing = () => dep(w).status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing()).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${sets(w)[0].metadata.name}" is progressing.` });
    w.now = at(61);
    w.settle(controllers);
    expect(progressing()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${sets(w)[0].metadata.name}" has timed out progressing.` });
    expect(dep(w).status?.conditions?.find((c) => c.type === 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
  });

  it('does not roll out a paused Deployment and says so in Progressing', () => {
    const w = new World().add(node('n1'), deployment(2, undefined, { progressDeadlineSeconds: 600 }));
    rollOut(w);
    w.edit<Deployment>('Deployment', 'default', 'web', (d) => { d.spec.paused = true; d.spec.template.spec.containers[0].image = 'nginx:v2'; });
    w.settle(controllers);
    expect(sets(w)).toHaveLength(1);
    expect(dep(w).status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    w.edit<Deployment>('Deployment', 'default', 'web', (d) => { d.spec.paused = false; });
    rollOut(w);
    expect(sets(w)).toHaveLength(2);
    expect(w.pods().map((p: Pod) => p.spec.containers[0].image)).toEqual(['nginx:v2', 'nginx:v2']);
  });

  it('rolls back to an earlier template by reviving its ReplicaSet at the next revision, keeping the old number in revision-history', () => {
    const w = new World().add(node('n1'), deployment(2));
    rollOut(w);
    const [v1] = sets(w);
    setImage(w, 'nginx:v2');
    rollOut(w);
    setImage(w, 'nginx:v1');
    rollOut(w, { minAvailable: 2, maxPods: 3 });
    expect(sets(w)).toHaveLength(2);
    const revived = getObject<ReplicaSet>(w.store, 'ReplicaSet', 'default', v1.metadata.name!)!;
    expect(revived.spec.replicas).toBe(2);
    expect(revived.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(dep(w).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });
});
