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
    const web = await k.run(['apply', '--server-side', '-f', '-'], { stdin: deployment('nginx:1.25') });
    expect(web.stderr).toBe('');
    expect(web.stdout).toBe('deployment.apps/web serverside-applied\n');
    await advance(10);
    const pods = await k.run(['get', 'pods', '-A']);
    expect(pods.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(pods.stdout).toMatch(/default\s+nginx\s+1\/1\s+Running/);
    expect(pods.stdout.match(/default\s+web-[a-z0-9]+-[a-z0-9]+\s+1\/1\s+Running/g)).toHaveLength(2);
  });
});

function deployment(image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: "${image}", ports: [{ containerPort: 80 }] }] }
`;
}
