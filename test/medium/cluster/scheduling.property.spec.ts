import fc from 'fast-check';
import { SeededRandom } from '../../../src/emulator/clock/index.js';
import { integerValue, listObjects, milliValue, type Node, type Pod } from '../../../src/emulator/kube/index.js';
import { ClusterSnapshot, schedule } from '../../../src/emulator/scheduler/index.js';
import type { KubeObjectsState } from '../../../src/domains/cluster/index.js';
import { ProjectionService } from '../../../src/platform/projections/index.js';
import { CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { bootTestServer, data, type TestServer } from '../../support/test-server.js';

type Op =
  | { kind: 'pod'; cpu: number; memory: number; zone?: string }
  | { kind: 'deletePod'; index: number }
  | { kind: 'addNode'; type: string }
  | { kind: 'removeNode'; index: number }
  | { kind: 'failNode'; index: number }
  | { kind: 'advance'; seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pod' as const), cpu: fc.integer({ min: 1, max: 40 }).map((n) => n * 100), memory: fc.integer({ min: 1, max: 40 }).map((n) => n * 128), zone: fc.option(fc.constantFrom('ap-guangzhou-3', 'ap-guangzhou-4'), { nil: undefined }) }) },
  fc.record({ kind: fc.constant('deletePod' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('addNode' as const), type: fc.constantFrom('S2.SMALL2', 'S2.MEDIUM4', 'S2.LARGE8') }),
  fc.record({ kind: fc.constant('removeNode' as const), index: fc.nat(5) }),
  fc.record({ kind: fc.constant('failNode' as const), index: fc.nat(5) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 400 }) }),
);

describe('scheduling invariants (property)', () => {
  let t: TestServer;
  let runs = 0;
  beforeAll(async () => {
    t = await bootTestServer();
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
  });
  afterAll(() => t?.close());

  async function play(clusterId: string, ops: Op[]): Promise<void> {
    let pods = 0;
    const run = (query: string, variables: Record<string, unknown>) => t.gql(query, { id: clusterId, ...variables });
    const names = async () => data(await run('query ($id: ID!) { cluster(id: $id) { nodes { name } pods { name } } }', {})).cluster;
    for (const o of ops) {
      if (o.kind === 'pod') {
        const selector = o.zone ? `nodeSelector: { topology.kubernetes.io/zone: ${o.zone} }` : '';
        const yaml = `apiVersion: v1\nkind: Pod\nmetadata: { name: p${pods++} }\nspec:\n  ${selector}\n  containers: [{ name: c, image: nginx, resources: { requests: { cpu: ${o.cpu}m, memory: ${o.memory}Mi } } }]\n`;
        await run('mutation ($id: ID!, $y: String!) { applyManifest(input: { clusterId: $id, yaml: $y }) { objects { name } } }', { y: yaml });
      } else if (o.kind === 'deletePod') {
        const list = (await names()).pods;
        if (list.length) await run('mutation ($id: ID!, $n: String!) { deleteResource(input: { clusterId: $id, kind: "Pod", name: $n }) { name } }', { n: list[o.index % list.length].name });
      } else if (o.kind === 'addNode') {
        await run('mutation ($id: ID!, $t: String) { addNodes(input: { clusterId: $id, count: 1, instanceType: $t }) { cluster { id } } }', { t: o.type });
      } else if (o.kind === 'removeNode' || o.kind === 'failNode') {
        const list = (await names()).nodes;
        if (list.length === 0) continue;
        const name = list[o.index % list.length].name;
        if (o.kind === 'removeNode') await run('mutation ($id: ID!, $n: String!) { removeNode(input: { clusterId: $id, nodeName: $n }) { removedNode } }', { n: name });
        else await run('mutation ($id: ID!, $n: String!) { failNode(clusterId: $id, nodeName: $n) { name } }', { n: name });
      } else {
        await run('mutation ($s: Int!) { advanceClock(seconds: $s) { now } }', { s: o.seconds });
      }
    }
  }

  it('never over-commits a node, and every pending pod\'s FailedScheduling message is true of the cluster', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
        const clusterId = data(await t.gql(CREATE_CLUSTER, { input: { name: `prop-${++runs}`, zone: 'ap-guangzhou-3' } })).createCluster.cluster.id as string;
        await play(clusterId, ops);
        const cluster = t.app.get(ProjectionService).state<KubeObjectsState>('kubeObjects').clusters[clusterId];
        const nodes = listObjects<Node>(cluster, 'Node');
        const pods = listObjects<Pod>(cluster, 'Pod');
        for (const node of nodes) {
          const on = pods.filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
          const cpu = on.reduce((sum, p) => sum + milliValue(p.spec.containers[0].resources?.requests?.cpu), 0);
          const memory = on.reduce((sum, p) => sum + integerValue(p.spec.containers[0].resources?.requests?.memory), 0);
          expect(cpu).toBeLessThanOrEqual(milliValue(node.status.allocatable!.cpu));
          expect(memory).toBeLessThanOrEqual(integerValue(node.status.allocatable!.memory));
          expect(on.length).toBeLessThanOrEqual(integerValue(node.status.allocatable!.pods));
        }
        const snapshot = ClusterSnapshot.of(nodes, pods);
        for (const pod of pods.filter((p) => !p.spec.nodeName && !p.metadata.deletionTimestamp)) {
          const recorded = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message;
          const now = schedule(pod, snapshot, { random: new SeededRandom(1), dryRun: true });
          expect(now.outcome).toBe('Unschedulable');
          expect(recorded).toBe(now.outcome === 'Unschedulable' ? now.message : undefined);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
