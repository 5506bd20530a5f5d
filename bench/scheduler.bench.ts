/** npm run bench:scheduler — scheduler_perf-like workloads end to end, each in its own process, against kube-scheduler's thresholds. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** SERVER_FLAGS are the V8 settings the server runs with (bin/tkesim.js and `npm start` pass the same young generation), plus room to grow. */
const SERVER_FLAGS = ['--max-semi-space-size=64', '--min-semi-space-size=64', '--max-old-space-size=4096'];

interface Result {
  nodes: number;
  pods: number;
  nodesReadySeconds: number;
  scheduledSeconds: number;
  runningSeconds: number;
  peakRssMiB: number;
}

function run(script: string, env: Record<string, string>): { stdout: string; result?: Result } {
  const child = spawnSync(process.execPath, [...SERVER_FLAGS, join(here, script)], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  process.stderr.write(child.stdout.split('\n').filter((l) => !l.startsWith('RESULT ') && !l.startsWith('{')).map((l) => `  ${l}\n`).join(''));
  if (child.status !== 0) process.stderr.write(child.stderr);
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  return { stdout: child.stdout, result: line ? (JSON.parse(line.slice(7)) as Result) : undefined };
}

const figures: string[] = [];
const figure = (name: string, value: number, unit: string, baseline: number, target: string) => {
  const ratio = Math.round((value / baseline) * 1000) / 1000;
  figures.push(JSON.stringify({ bench: 'scheduler', figure: name, value: Math.round(value * 100) / 100, unit, baseline, ratio }));
  process.stderr.write(`${name}: ${value.toFixed(2)} ${unit} (baseline ${baseline}, ratio ${ratio}; target ${target})\n`);
};

const core = run('scheduler-core.bench.js', {});
figures.push(...core.stdout.split('\n').filter((l) => l.startsWith('{')));

/** TRIALS per workload: the machine's noise moves a single run by ±10%, so every workload reports the median of three. */
const workloads: Array<{ pods: number; threshold: number; trials: number }> = [
  { pods: 10_000, threshold: 680, trials: Number(process.env.BENCH_TRIALS ?? 3) },
  { pods: 50_000, threshold: 810, trials: Number(process.env.BENCH_TRIALS ?? 3) },
  ...(process.env.BENCH_QUICK ? [] : [{ pods: 150_000, threshold: 810, trials: Number(process.env.BENCH_TRIALS ?? 3) }]),
];

/** median picks the trial whose value is the median of `by` (the upper one of an even count). */
function median(results: Result[], by: (r: Result) => number): Result {
  return [...results].sort((a, b) => by(a) - by(b))[Math.floor(results.length / 2)];
}

for (const { pods, threshold, trials } of workloads) {
  const results: Result[] = [];
  for (let trial = 1; trial <= trials; trial++) {
    process.stderr.write(`workload: 5,000 nodes, ${pods} pods (trial ${trial} of ${trials})\n`);
    const { result } = run('cluster-e2e.bench.js', { BENCH_NODES: '5000', BENCH_PODS: String(pods) });
    if (result) results.push(result);
    else process.stderr.write(`workload with ${pods} pods failed\n`);
  }
  if (results.length === 0) continue;
  const scheduled = median(results, (r) => r.scheduledSeconds);
  figure(`SchedulingBasic 5000 nodes / ${pods} pods, end to end`, pods / scheduled.scheduledSeconds, 'pods/s', threshold, '>= 10x');
  if (pods === 10_000) {
    figure('5,000 nodes Ready, wall seconds from the first command', median(results, (r) => r.nodesReadySeconds).nodesReadySeconds, 's', 3, '<= 1 (3 s)');
    figure('10,000 pods Running, wall seconds from the first command', median(results, (r) => r.runningSeconds).runningSeconds, 's', 5, '<= 1 (5 s)');
  }
  if (pods === 150_000) {
    figure('150,000 pods on 5,000 nodes Running, wall seconds', median(results, (r) => r.runningSeconds).runningSeconds, 's', 30, '<= 1 (30 s)');
    // Memory is a ceiling, not a rate: the highest of the trials.
    figure('150,000 pods on 5,000 nodes, peak RSS (highest trial)', Math.max(...results.map((r) => r.peakRssMiB)), 'MiB', 2048, '<= 1 (2 GiB)');
  }
}
for (const line of figures) console.log(line);
