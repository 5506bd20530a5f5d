/** One end-to-end cluster workload (BENCH_NODES nodes, one Deployment of BENCH_PODS pods): commands → durable events → projections, on the embedded SQLite store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { startProfile } from './cpu-profile.js';
import { startServer } from '../src/main.js';
import { testConfig } from '../src/platform/config/tkesim-config.js';

const NODES = Number(process.env.BENCH_NODES ?? 500);
const PODS = Number(process.env.BENCH_PODS ?? 1000);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-cluster-bench-'));
  const server = await startServer(testConfig({ database: { engine: 'sqlite', path: join(dir, 'tkesim.sqlite') }, dataDir: dir, snapshotEvery: Number(process.env.BENCH_SNAPSHOT_EVERY ?? 1_000_000) }), ['error']);
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.sandboxToken}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  try {
    await gql('mutation { setClockMode(mode: MANUAL) { mode } }');
    const id = (await gql('mutation { createCluster(input: { name: "bench", vpcCidr: "172.16.0.0/16", podCidr: "10.0.0.0/9", serviceCidr: "192.168.0.0/16", routeQuota: 5000 }) { cluster { id } } }')).createCluster.cluster.id;
    let started = performance.now();
    for (let added = 0; added < NODES; added += 100) {
      await gql('mutation ($id: ID!, $n: Int!) { addNodes(input: { clusterId: $id, count: $n, instanceType: "S2.LARGE8" }) { cluster { id } } }', { id, n: Math.min(100, NODES - added) });
    }
    const nodeSeconds = (performance.now() - started) / 1000;
    console.log(`${NODES} nodes Ready in ${nodeSeconds.toFixed(2)} s`);
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: { name: load }
spec:
  replicas: ${PODS}
  selector: { matchLabels: { app: load } }
  template:
    metadata: { labels: { app: load } }
    spec: { containers: [{ name: c, image: "nginx:1.25", resources: { requests: { cpu: 100m, memory: 100Mi } } }] }
`;
    const profile = await startProfile(process.env.BENCH_PROFILE);
    const cpuBefore = process.cpuUsage();
    started = performance.now();
    await gql('mutation ($id: ID!, $y: String!) { applyManifest(input: { clusterId: $id, yaml: $y }) { objects { name } } }', { id, y: yaml });
    const scheduledSeconds = (performance.now() - started) / 1000;
    await profile.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const scheduledCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const runningProfile = await startProfile(process.env.BENCH_PROFILE_RUNNING);
    await gql('mutation { advanceClock(seconds: 5) { now } }');
    await runningProfile.stop();
    const runningSeconds = (performance.now() - started) / 1000;
    const counts = (await gql('query ($id: ID!) { cluster(id: $id) { workloads { kind readyReplicas } } }', { id })).cluster.workloads;
    console.log(`${PODS} pods scheduled in ${scheduledSeconds.toFixed(2)} s (${Math.round(PODS / scheduledSeconds)} pods/s, ${scheduledCpuSeconds.toFixed(2)} s of CPU), Running in ${runningSeconds.toFixed(2)} s; ${JSON.stringify(counts)}`);
    if (process.env.BENCH_HEAP) writeHeapSnapshot(process.env.BENCH_HEAP);
    const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`peak RSS ${peakRssMiB} MiB`);
    const result = { nodes: NODES, pods: PODS, nodesReadySeconds: nodeSeconds, scheduledSeconds, scheduledCpuSeconds, runningSeconds, peakRssMiB, ready: counts };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
