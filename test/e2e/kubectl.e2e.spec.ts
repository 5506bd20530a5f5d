import { join } from 'node:path';
import { ADD_NODES, CREATE_CLUSTER } from '../support/cluster-operations.js';
import { Kubectl } from '../support/kubectl.js';
import { bootTestServer, data, type TestServer } from '../support/test-server.js';

const SEED = join(process.cwd(), 'test', 'fixtures', 'seed');
const KUBECONFIG = 'query ($id: ID!) { cluster(id: $id) { kubeconfig } }';

describe('kubectl against a cluster\'s Kubernetes API', () => {
  let t: TestServer;
  let k: Kubectl;
  let id: string;
  const advance = (s: number) => t.gql('mutation ($s: Int!) { advanceClock(seconds: $s) { now } }', { s });

  beforeAll(async () => {
    t = await bootTestServer();
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
    id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'kubectl' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 2 } });
    // The seed's pod mounts CBS disk disk-echj2drf: it must exist in the cluster's zone.
    const zone = data(await t.gql('query ($id: ID!) { cluster(id: $id) { zone } }', { id })).cluster.zone;
    data(await t.gql('mutation ($zone: String!) { createDisk(input: { diskId: "disk-echj2drf", size: 10, zone: $zone }) { id } }', { zone }));
    k = new Kubectl(data(await t.gql(KUBECONFIG, { id })).cluster.kubeconfig);
  });
  afterAll(async () => {
    k?.cleanup();
    await t?.close();
  });

  it('lists nodes wide', async () => {
    const out = await k.run(['get', 'nodes', '-o', 'wide']);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP/);
    expect(out.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('applies the seed pod client-side, then a deployment server-side, and lists pods in all namespaces', async () => {
    const pod = await k.run(['apply', '-f', join(SEED, 'nginx-cbs-pod.yaml')]);
    expect(pod.stderr).toBe('');
    expect(pod.stdout).toBe('pod/nginx created\n');
    const again = await k.run(['apply', '-f', join(SEED, 'nginx-cbs-pod.yaml')]);
    expect(again.stdout).toBe('pod/nginx unchanged\n');
    const web = await k.run(['apply', '--server-side', '-f', '-'], { stdin: deployment('nginx:1.25', 'web') });
    expect(web.stderr).toBe('');
    expect(web.stdout).toBe('deployment.apps/web serverside-applied\n');
    await advance(10);
    const pods = await k.run(['get', 'pods', '-A']);
    expect(pods.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(pods.stdout).toMatch(/default\s+nginx\s+1\/1\s+Running/);
    expect(pods.stdout.match(/default\s+web-[a-z0-9]+-[a-z0-9]+\s+1\/1\s+Running/g)).toHaveLength(2);
  });

  it('applies every seed manifest (StorageClass, StatefulSet with claims, pod) client-side, then server-side', async () => {
    const client = await k.run(['apply', '-f', SEED]);
    expect(client.stderr).toBe('');
    expect(client.stdout.trim().split('\n').sort()).toEqual(['pod/nginx unchanged', 'statefulset.apps/mongo created', 'storageclass.storage.k8s.io/cbs created']);
    const server = await k.run(['apply', '--server-side', '-f', SEED]);
    expect(server.stderr).toBe('');
    expect(server.stdout.trim().split('\n').sort()).toEqual(['pod/nginx serverside-applied', 'statefulset.apps/mongo serverside-applied', 'storageclass.storage.k8s.io/cbs serverside-applied']);
    for (let i = 0; i < 4; i++) await advance(10);
    const claims = await k.run(['get', 'pvc']);
    expect(claims.stdout.match(/mongo-persistent-storage-mongo-\d\s+Bound\s+pvc-\S+\s+10Gi\s+RWO\s+cbs/g)).toHaveLength(3);
    const pods = await k.run(['get', 'pods', '-A']);
    expect(pods.stdout.match(/default\s+mongo-\d\s+1\/1\s+Running/g)).toHaveLength(3);
  });

  it('re-applies a changed image as a strategic merge patch and rolls the deployment out', async () => {
    expect((await k.run(['apply', '-f', '-'], { stdin: deployment('nginx:1.25') })).stdout).toBe('deployment.apps/web-cs created\n'.replace('web-cs', 'web-cs'));
    await advance(10);
    const changed = await k.run(['apply', '-f', '-'], { stdin: deployment('nginx:1.27') });
    expect(changed.stderr).toBe('');
    expect(changed.stdout).toBe('deployment.apps/web-cs configured\n');
    await advance(30);
    const images = await k.run(['get', 'pods', '-l', 'app=web-cs', '-o', 'jsonpath={.items[*].spec.containers[0].image}']);
    expect(images.stdout.split(' ')).toEqual(['nginx:1.27', 'nginx:1.27']);
  });

  it('describes a node with its pods, events and lease', async () => {
    const nodes = await k.run(['get', 'nodes', '-o', 'name']);
    const node = nodes.stdout.trim().split('\n')[0];
    const out = await k.run(['describe', node]);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^Name:\s+\S+/m);
    expect(out.stdout).toMatch(/Lease:\s+HolderIdentity:/);
    expect(out.stdout).toMatch(/Non-terminated Pods:/);
  });

  it('watches a pod go from Pending to Running while the clock advances', async () => {
    const child = k.spawn(['get', 'pods', '-w', '--output-watch-events']);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    await waitFor(() => out.includes('NAME'));
    await k.run(['run', 'watched', '--image', 'nginx:1.25']);
    await waitFor(() => /ADDED\s+watched\s+0\/1\s+Pending/.test(out));
    await advance(10);
    await waitFor(() => /MODIFIED\s+watched\s+1\/1\s+Running/.test(out));
    child.kill();
  });

  it('prints logs, follows them as virtual time passes, and execs with the exit code passed through', async () => {
    const logs = await k.run(['logs', 'nginx']);
    expect(logs.stdout).toMatch(/^\/docker-entrypoint\.sh/);
    const child = k.spawn(['logs', '-f', '--tail', '1', 'nginx']);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    await waitFor(() => out.length > 0);
    const before = out.split('\n').length;
    await advance(30);
    await waitFor(() => out.split('\n').length >= before + 3);
    expect(out).toMatch(/"GET \/ HTTP\/1\.1" 200 615/);
    child.kill();
    const ls = await k.run(['exec', 'nginx', '--', 'ls', '/mnt']);
    expect(ls.code).toBe(0);
    const df = await k.run(['exec', 'nginx', '--', 'df', '-h', '/mnt']);
    expect(df.stdout).toMatch(/\/dev\/vdb\s+.*\/mnt/);
    const failed = await k.run(['exec', 'nginx', '--', 'sh', '-c', 'exit 3']);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(/command terminated with exit code 3/);
  });

  it('deletes a deployment and its pods follow', async () => {
    const out = await k.run(['delete', 'deploy', 'web-cs']);
    expect(out.stdout).toBe('deployment.apps "web-cs" deleted\n');
    await advance(40);
    const pods = await k.run(['get', 'pods', '-l', 'app=web-cs']);
    expect(pods.stdout).toBe('');
    expect(pods.stderr).toBe('No resources found in default namespace.\n');
  });

  it('deletes in the foreground (the deployment waits for its pods) and orphans on request (the pods stay, unowned)', async () => {
    for (const name of ['fg', 'orphan']) expect((await k.run(['apply', '-f', '-'], { stdin: deployment('nginx:1.25', name) })).stderr).toBe('');
    await advance(10);
    expect((await k.run(['delete', 'deploy', 'fg', '--cascade=foreground', '--wait=false'])).stdout).toBe('deployment.apps "fg" deleted\n');
    const waiting = await k.run(['get', 'deploy', 'fg', '-o', 'jsonpath={.metadata.finalizers}']);
    expect(waiting.stdout).toBe('["foregroundDeletion"]');
    await advance(40);
    expect((await k.run(['get', 'deploy', 'fg'])).stderr).toMatch(/NotFound/);
    expect((await k.run(['get', 'pods', '-l', 'app=fg', '-o', 'name'])).stdout).toBe('');
    expect((await k.run(['delete', 'deploy', 'orphan', '--cascade=orphan'])).stdout).toBe('deployment.apps "orphan" deleted\n');
    await advance(40);
    const rs = await k.run(['get', 'rs', '-l', 'app=orphan', '-o', 'jsonpath={.items[*].metadata.ownerReferences}']);
    expect(rs.stdout).toBe('');
    expect((await k.run(['get', 'pods', '-l', 'app=orphan', '-o', 'name'])).stdout.trim().split('\n')).toHaveLength(2);
  });

  it('rejects an invalid manifest with 422 naming the field', async () => {
    const bad = 'apiVersion: v1\nkind: Pod\nmetadata: { name: bad }\nspec: { containers: [{ name: c, image: nginx, ports: [{ containerPort: 70000 }] }] }\n';
    const out = await k.run(['apply', '-f', '-'], { stdin: bad });
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/The Pod "bad" is invalid: spec\.containers\[0\]\.ports\[0\]\.containerPort: Invalid value: 70000/);
  });

  it('denies another account\'s kubeconfig exactly as for a cluster that does not exist', async () => {
    await t.gql('mutation { createAccount(input: { name: "mallory" }) { token } }', undefined, { token: t.adminToken });
    const token = data(await t.gql('mutation { createAccount(input: { name: "eve" }) { token } }', undefined, { token: t.adminToken })).createAccount.token;
    const other = data(await t.gql(CREATE_CLUSTER, { input: { name: 'eve' } }, { token })).createCluster.cluster.id;
    const theirs = new Kubectl(data(await t.gql(KUBECONFIG, { id: other }, { token })).cluster.kubeconfig.replaceAll(other, id));
    const out = await theirs.run(['get', 'pods']);
    theirs.cleanup();
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/error: You must be logged in to the server \(Unauthorized\)|the server has asked for the client to provide credentials/);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function deployment(image: string, name = 'web-cs'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, labels: { app: ${name} } }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: nginx, image: "${image}", ports: [{ containerPort: 80 }] }] }
`;
}
