import { getObject, listObjects, type ConfigMap, type Deployment, type KubeObject, type ReplicaSet } from '../../kube/index.js';
import { DeploymentController } from '../deployment/deployment.controller.js';
import { controllerRef } from '../helpers/owners.js';
import { ReplicaSetController } from '../replicaset/replicaset.controller.js';
import { applyActions } from '../testing/apply-actions.js';
import { node, template, World } from '../testing/world.js';
import { GarbageCollectorController } from './garbage-collector.controller.js';

const gc = new GarbageCollectorController();
const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template('web') },
};
const config = (name: string, owners: KubeObject[] = []): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ownerReferences: owners.map((o) => ({ ...controllerRef(o), controller: false })) },
  data: {},
});

describe('garbage collector', () => {
  it('deletes a deleted Deployment\'s ReplicaSets, then their pods, in the background', () => {
    const w = new World().add(node('n1'), deployment);
    w.settle([new DeploymentController(), new ReplicaSetController()]);
    w.kubelet();
    expect(listObjects<ReplicaSet>(w.store, 'ReplicaSet')).toHaveLength(1);
    w.remove('Deployment', 'default', 'web');
    const first = gc.reconcile(w.context());
    expect(first).toEqual([{ type: 'delete', kind: 'ReplicaSet', namespace: 'default', name: listObjects(w.store, 'ReplicaSet')[0].metadata.name }]);
    w.settle([new ReplicaSetController(), gc]);
    expect(listObjects(w.store, 'ReplicaSet')).toHaveLength(0);
    expect(w.pods().every((p) => p.metadata.deletionTimestamp)).toBe(true);
    w.finishTerminating();
    expect(w.settle([gc])).toEqual([]);
    expect(w.pods()).toHaveLength(0);
  });

  it('deletes in the foreground: the Deployment waits with its finalizer until its ReplicaSet and pods are gone, and nothing is recreated meanwhile', () => {
    const w = new World().add(node('n1'), deployment);
    w.settle([new DeploymentController(), new ReplicaSetController()]);
    w.kubelet();
    applyActions(w.store, [{ type: 'delete', kind: 'Deployment', namespace: 'default', name: 'web', propagationPolicy: 'Foreground' }], w.now);
    const owner = getObject<Deployment>(w.store, 'Deployment', 'default', 'web')!;
    expect(owner.metadata).toMatchObject({ finalizers: ['foregroundDeletion'] });
    expect(owner.metadata.deletionTimestamp).toBeDefined();
    const controllers = [new DeploymentController(), new ReplicaSetController(), gc];
    w.settle(controllers);
    const rs = listObjects<ReplicaSet>(w.store, 'ReplicaSet');
    expect(rs.map((r) => r.metadata.finalizers)).toEqual([['foregroundDeletion']]);
    expect(w.pods()).toHaveLength(2);
    expect(w.pods().every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(getObject(w.store, 'Deployment', 'default', 'web')).toBeDefined();
    w.finishTerminating();
    w.settle(controllers);
    expect(w.pods()).toHaveLength(0);
    expect(listObjects(w.store, 'ReplicaSet')).toHaveLength(0);
    expect(getObject(w.store, 'Deployment', 'default', 'web')).toBeUndefined();
  });

  it('keeps a dependent while one owner remains, dropping the reference to the one that went', () => {
    const w = new World().add(config('a'), config('b'));
    const [a, b] = listObjects(w.store, 'ConfigMap');
    w.add(config('shared', [a, b]), config('orphaned-by-uid', [{ ...a, metadata: { ...a.metadata, uid: 'not-the-same' } }]));
    w.remove('ConfigMap', 'default', 'a');
    w.settle([gc]);
    expect(getObject(w.store, 'ConfigMap', 'default', 'shared')!.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
    expect(getObject(w.store, 'ConfigMap', 'default', 'orphaned-by-uid')).toBeUndefined();
  });

  it('leaves alone what is owned by a kind the cluster does not serve', () => {
    const w = new World().add({ ...config('crd-owned'), metadata: { name: 'crd-owned', namespace: 'default', ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'u' }] } });
    expect(gc.reconcile(w.context())).toEqual([]);
  });
});
