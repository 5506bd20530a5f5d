/**
 * In-memory scheduler benchmark, after scheduler_perf's SchedulingBasic: 5,000 nodes (4 cpu / 8Gi, zones a/b/c)
 * and 50,000 pods requesting only cpu (100m-900m) and memory (100Mi-900Mi), each run through schedule(),
 * which filters, scores, assumes the pod into the snapshot and binds it.
 *
 *   npm run build && node dist/bench/scheduler-core.bench.js
 *
 * Prints progress, then exactly one JSON line. The baseline is kube-scheduler's published SchedulingBasic
 * threshold (810 pods/s at 5,000 nodes).
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { SeededRandom } from '../src/emulator/clock/index.js';
import type { Node, Pod } from '../src/emulator/kube/index.js';
import { ClusterSnapshot, schedule, type ScheduleResult } from '../src/emulator/scheduler/index.js';

const NODES = 5_000;
const PODS = 50_000;
const WARM_UP_PODS = 5_000;
const BASELINE = 810;

function makeNodes(): Node[] {
  return Array.from({ length: NODES }, (_, i) => {
    const name = `node-${i}`;
    const allocatable = { cpu: '4', memory: '8Gi', pods: '110' };
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': `zone-${'abc'[i % 3]}` } },
      spec: {},
      status: { capacity: allocatable, allocatable },
    };
  });
}

function makePods(count: number, prefix: string, random: SeededRandom): Pod[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${prefix}-${i}`, namespace: 'sched-basic', uid: `${prefix}-uid-${i}` },
    spec: {
      containers: [
        {
          name: 'pause',
          image: 'registry.k8s.io/pause:3.10',
          resources: { requests: { cpu: `${100 + random.int(9) * 100}m`, memory: `${100 + random.int(9) * 100}Mi` } },
        },
      ],
    },
  }));
}

function run(nodes: Node[], pods: Pod[], seed: number): { seconds: number; outcomes: Record<ScheduleResult['outcome'], number> } {
  const snapshot = ClusterSnapshot.of(nodes);
  const random = new SeededRandom(seed);
  const outcomes = { Scheduled: 0, Unschedulable: 0, Error: 0 };
  let startIndex = 0;
  const start = performance.now();
  for (const pod of pods) {
    const result = schedule(pod, snapshot, { random, startIndex });
    startIndex = result.nextStartIndex;
    outcomes[result.outcome]++;
  }
  return { seconds: (performance.now() - start) / 1000, outcomes };
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function main(): void {
  log(`scheduler bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`);
  const nodes = makeNodes();
  const podRandom = new SeededRandom(7);
  const warmUp = run(nodes, makePods(WARM_UP_PODS, 'warm', podRandom), 1);
  log(`warm-up: ${WARM_UP_PODS} pods in ${warmUp.seconds.toFixed(2)} s`);
  const pods = makePods(PODS, 'pod', podRandom);
  const { seconds, outcomes } = run(nodes, pods, 2);
  const value = Math.round(PODS / seconds);
  log(`${PODS} pods on ${NODES} nodes in ${seconds.toFixed(2)} s: ${outcomes.Scheduled} scheduled, ${outcomes.Unschedulable} unschedulable, ${outcomes.Error} errors`);
  const ratio = Math.round((value / BASELINE) * 1000) / 1000;
  const figure = 'in-memory scheduler pods/s (5,000 nodes, 50,000 pods)';
  log(JSON.stringify({ bench: 'scheduler', figure, value, unit: 'pods/s', baseline: BASELINE, ratio }));
}

main();
