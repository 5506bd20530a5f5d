import { SeededRandom, seedFromText } from '../../../emulator/clock/index.js';
import type { Pod } from '../../../emulator/kube/index.js';
import { memoOf } from '../../../emulator/kube/store-index.js';
import { matchingStage, podFacts, podStages, stageDelayMs } from '../../../emulator/kubelet/index.js';
import type { KubeCluster } from '../kube/kube.types.js';
import { podsAwaiting } from '../kube/pod-groups.js';

/** PodAdvance is one pod ready for a stage, with how long its image took to pull. */
export interface PodAdvance {
  readonly namespace: string;
  readonly name: string;
  readonly pulledMs?: number;
}

/** KubeletPlan is what the kubelets should do now, stage by stage, and when they next have something due. */
export interface KubeletPlan {
  readonly due: ReadonlyArray<{ readonly stage: string; readonly pods: readonly PodAdvance[] }>;
  readonly nextDueAt?: number;
}

interface Next {
  readonly resourceVersion: string | undefined;
  readonly since: string | undefined;
  readonly stage?: string;
  readonly delay?: number;
  readonly dueAt?: number;
}

/** jitterFor draws a stage's jitter from the account's seed and the pod, so the same pod waits the same, replayed or not. */
function jitterFor(seed: number, pod: Pod, stage: string): SeededRandom {
  return new SeededRandom(seedFromText(`${seed}/${pod.metadata.uid}/${stage}`));
}

/** planOf works out a pod's next stage, its delay and when it falls due; it is remembered until the pod is written again. */
function planOf(cluster: KubeCluster, key: string, pod: Pod, seed: number): Next {
  const since = cluster.podSince[key];
  const stage = matchingStage(podFacts(pod));
  const delay = stage && stageDelayMs(stage, pod, jitterFor(seed, pod, stage.name));
  const dueAt = delay === undefined ? undefined : Date.parse(since ?? pod.metadata.creationTimestamp!) + delay;
  return { resourceVersion: pod.metadata.resourceVersion, since, stage: stage?.name, delay, dueAt };
}

/** planKubelets finds, for every pod on a healthy node, its next stage and when it falls due. */
export function planKubelets(cluster: KubeCluster, now: number, seed: number): KubeletPlan {
  const byStage = new Map<string, PodAdvance[]>();
  let nextDueAt: number | undefined;
  const inFlight = podStages.flatMap((stage) => podsAwaiting(cluster, stage.name).list());
  inFlight.sort((a, b) => a.seq - b.seq);
  for (const entry of inFlight) {
    const pod = entry.object;
    if (!pod.spec.nodeName || cluster.nodeFailures[pod.spec.nodeName] !== undefined) continue;
    const next = memoOf(entry, 'kubelet', (p) => planOf(cluster, entry.key, p, seed));
    if (!next.stage) continue;
    const dueAt = next.dueAt!;
    if (dueAt > now) {
      nextDueAt = nextDueAt === undefined ? dueAt : Math.min(nextDueAt, dueAt);
      continue;
    }
    const { namespace = 'default', name = '' } = pod.metadata;
    const advance: PodAdvance = next.stage === 'pod-start' ? { namespace, name, pulledMs: next.delay } : { namespace, name };
    (byStage.get(next.stage) ?? byStage.set(next.stage, []).get(next.stage)!).push(advance);
  }
  const due = podStages.filter((s) => byStage.has(s.name)).map((s) => ({ stage: s.name, pods: byStage.get(s.name)! }));
  return { due, nextDueAt };
}
