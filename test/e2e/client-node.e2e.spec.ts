import { PassThrough } from 'node:stream';
import * as k8s from '@kubernetes/client-node';
import { ADD_NODES, CREATE_CLUSTER } from '../support/cluster-operations.js';
import { bootTestServer, data, type TestServer } from '../support/test-server.js';

const collect = () => {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (c: string) => (text += c));
  return { stream, text: () => text };
};

describe('@kubernetes/client-node 1.4.0 against a cluster\'s Kubernetes API', () => {
  let t: TestServer;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;
  const advance = (s: number) => t.gql('mutation ($s: Int!) { advanceClock(seconds: $s) { now } }', { s });

  beforeAll(async () => {
    t = await bootTestServer();
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
    const id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'client-node' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 2 } });
    kc = new k8s.KubeConfig();
    kc.loadFromString(data(await t.gql('query ($id: ID!) { cluster(id: $id) { kubeconfig } }', { id })).cluster.kubeconfig);
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
  });
  afterAll(() => t?.close());

  it('lists nodes and creates a deployment whose pods run', async () => {
    expect((await core.listNode()).items).toHaveLength(2);
    const created = await apps.createNamespacedDeployment({
      namespace: 'default',
      body: { metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } },
    });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    await advance(10);
    const pods = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' });
    expect(pods.items.map((p) => p.status?.phase)).toEqual(['Running']);
  });

  it('patches with JSON patch, merge patch, strategic merge patch and server-side apply', async () => {
    const patch = (body: object, strategy: k8s.PatchStrategy) =>
      apps.patchNamespacedDeployment({ name: 'web', namespace: 'default', body, fieldManager: 'e2e', force: strategy === k8s.PatchStrategy.ServerSideApply ? true : undefined }, k8s.setHeaderOptions('Content-Type', strategy));
    expect((await patch([{ op: 'replace', path: '/spec/replicas', value: 2 }], k8s.PatchStrategy.JsonPatch)).spec?.replicas).toBe(2);
    expect((await patch({ metadata: { labels: { tier: 'front' } } }, k8s.PatchStrategy.MergePatch)).metadata?.labels).toEqual({ tier: 'front' });
    const smp = await patch({ spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }, k8s.PatchStrategy.StrategicMergePatch);
    expect(smp.spec?.template.spec?.containers.map((c) => c.image)).toEqual(['nginx:1.27']);
    const applied = await patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3 } }, k8s.PatchStrategy.ServerSideApply);
    expect(applied.spec?.replicas).toBe(3);
    expect(applied.metadata?.managedFields?.map((f) => f.manager)).toContain('e2e');
  });

  it('writes a status through the status subresource (replace and patch), leaving the spec as it was', async () => {
    await core.createNamespacedService({ namespace: 'default', body: { metadata: { name: 'status-demo' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } });
    const before = await core.readNamespacedService({ name: 'status-demo', namespace: 'default' });
    const body = { ...before, spec: { ...before.spec!, ports: [{ port: 8080 }] }, status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } } };
    const replaced = await core.replaceNamespacedServiceStatus({ name: 'status-demo', namespace: 'default', body });
    expect(replaced.status?.loadBalancer?.ingress).toEqual([{ ip: '203.0.113.7' }]);
    expect(replaced.spec?.ports?.map((p) => p.port)).toEqual([80]);
    const patched = await core.patchNamespacedServiceStatus(
      { name: 'status-demo', namespace: 'default', body: { spec: { type: 'NodePort' }, status: { conditions: [{ type: 'Checked', status: 'True', reason: 'E2E', message: 'set by e2e', lastTransitionTime: new Date(0) }] } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(patched.status?.conditions?.map((c) => c.type)).toEqual(['Checked']);
    expect(patched.status?.loadBalancer?.ingress).toEqual([{ ip: '203.0.113.7' }]);
    expect(patched.spec?.type).toBe('ClusterIP');
  });

  it('watches pods from a resourceVersion and sees them run', async () => {
    const list = await core.listNamespacedPod({ namespace: 'default' });
    const seen: string[] = [];
    const watch = new k8s.Watch(kc);
    const req = await watch.watch('/api/v1/namespaces/default/pods', { resourceVersion: list.metadata?.resourceVersion }, (type, pod: k8s.V1Pod) => seen.push(`${type} ${pod.status?.phase}`), () => undefined);
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'solo' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    await advance(10);
    for (let i = 0; i < 100 && !seen.includes('MODIFIED Running'); i++) await new Promise((r) => setTimeout(r, 50));
    req.abort();
    expect(seen).toContain('ADDED Pending');
    expect(seen).toContain('MODIFIED Running');
  });

  it('reads a log and execs a command with its exit code', async () => {
    const out = collect();
    const ended = new Promise((resolve) => out.stream.on('finish', resolve));
    await new k8s.Log(kc).log('default', 'solo', 'c', out.stream, { tailLines: 3 });
    await ended;
    expect(out.text().trim().split('\n')).toHaveLength(3);
    const stdout = collect();
    const status = await new Promise<k8s.V1Status>((resolve) => void new k8s.Exec(kc).exec('default', 'solo', 'c', ['sh', '-c', 'hostname; exit 4'], stdout.stream, null, null, false, resolve));
    expect(stdout.text()).toBe('solo\n');
    expect(status.status).toBe('Failure');
    expect(status.details?.causes?.[0]).toEqual({ reason: 'ExitCode', message: '4' });
  });
});
