import { getObject, type Deployment, type ReplicaSet } from '../kube/index.js';
import { DeploymentController } from './deployment/deployment.controller.js';
import { ReplicaSetController } from './replicaset/replicaset.controller.js';
import { at, node, template, World } from './testing/world.js';
import { controllersWakeAt } from './wake.js';

const controllers = [new DeploymentController(), new ReplicaSetController()];
const deployment = (spec: Partial<Deployment['spec']>): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template('web'), ...spec },
});

describe('controllersWakeAt', () => {
  it('wakes the controllers when a ready pod has been ready for minReadySeconds, and the ReplicaSet then counts it available', () => {
    const w = new World().add(node('n1'), deployment({ minReadySeconds: 30 }));
    w.settle(controllers);
    w.kubelet();
    w.settle(controllers);
    expect(controllersWakeAt(w.store, w.now)).toBe('2024-05-01T10:00:30.001Z');
    w.now = controllersWakeAt(w.store, w.now)!;
    w.settle(controllers);
    const [rs] = Object.values(w.store.objects.ReplicaSet) as ReplicaSet[];
    expect(rs.status?.availableReplicas).toBe(1);
    expect(getObject<Deployment>(w.store, 'Deployment', 'default', 'web')!.status?.availableReplicas).toBe(1);
    expect(controllersWakeAt(w.store, w.now)).toBeUndefined();
  });

  it('wakes the controllers at a stalled rollout\'s progress deadline', () => {
    const w = new World().add(deployment({ progressDeadlineSeconds: 600 }));
    w.settle(controllers);
    expect(controllersWakeAt(w.store, w.now)).toBe(new Date(Date.parse(at(600)) + 1).toISOString());
  });
});
