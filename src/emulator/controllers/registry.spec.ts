import { getObject, listObjects, type Deployment, type Endpoints, type Service } from '../kube/index.js';
import { controllers } from './registry.js';
import { at, node, template, World } from './testing/world.js';

const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: template('web', 'nginx:v1', { containers: [{ name: 'web', image: 'nginx:v1', ports: [{ name: 'http', containerPort: 80 }] }] }),
  },
};
const service: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } };

/** run steps every registered controller and the pretend kubelets until nothing changes. */
function run(w: World, steps = 10): void {
  for (let i = 0; i < steps; i++) {
    w.settle(controllers);
    w.now = at(i + 1);
    w.kubelet();
  }
  w.settle(controllers);
}

describe('the registered controllers together', () => {
  it('serve a Deployment behind a Service, then cascade its deletion to ReplicaSets, pods and addresses', () => {
    const w = new World().add(node('n1'), node('n2'), deployment, service);
    run(w);
    const addresses = () => getObject<Endpoints>(w.store, 'Endpoints', 'default', 'web')!.subsets?.[0]?.addresses ?? [];
    expect(addresses().map((a) => a.targetRef?.name).sort()).toEqual(w.pods().map((p) => p.metadata.name).sort());
    expect(getObject<Endpoints>(w.store, 'Endpoints', 'default', 'web')!.subsets?.[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(controllers.flatMap((c) => c.reconcile(w.context()))).toEqual([]);
    w.remove('Deployment', 'default', 'web');
    run(w, 3);
    expect(listObjects(w.store, 'ReplicaSet')).toHaveLength(0);
    expect(w.pods()).toHaveLength(0);
    expect(addresses()).toEqual([]);
  });

  it('run in the order owners before dependents, the garbage collector last', () => {
    expect(controllers.map((c) => c.name)).toEqual(['deployment', 'replicaset', 'replicationcontroller', 'statefulset', 'daemonset', 'endpoints', 'garbage-collector']);
  });
});
