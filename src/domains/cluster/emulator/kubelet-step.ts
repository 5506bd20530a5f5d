import { SeededRandom, seedFromText } from '../../../emulator/clock/index.js';
import { listObjects, objectKey, type Pod } from '../../../emulator/kube/index.js';
import { matchingStage, podFacts, podStages, stageDelayMs } from '../../../emulator/kubelet/index.js';
import type { KubeCluster } from '../kube/kube.types.js';

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

/** jitterFor draws a stage's jitter from the account's seed and the pod, so the same pod waits the same, replayed or not. */
function jitterFor(seed: number, pod: Pod, stage: string): SeededRandom {
  return new SeededRandom(seedFromText(`${seed}/${pod.metadata.uid}/${stage}`));
}

/** planKubelet finds, for every pod on a node, its next stage and when it falls due. */
export function planKubelet(cluster: KubeCluster, now: number, seed: number): KubeletPlan {
  const byStage = new Map<string, PodAdvance[]>();
  let nextDueAt: number | undefined;
  for (const pod of listObjects<Pod>(cluster, 'Pod')) {
    if (!pod.spec.nodeName || cluster.nodeFailures[pod.spec.nodeName] !== undefined) continue;
    const stage = matchingStage(podFacts(pod));
    if (!stage) continue;
    const key = objectKey(pod.metadata.namespace, pod.metadata.name!);
    const since = Date.parse(cluster.podSince[key] ?? pod.metadata.creationTimestamp ?? new Date(now).toISOString());
    const delay = stageDelayMs(stage, pod, jitterFor(seed, pod, stage.name));
    const dueAt = since + delay;
    if (dueAt > now) {
      nextDueAt = nextDueAt === undefined ? dueAt : Math.min(nextDueAt, dueAt);
      continue;
    }
    const advance: PodAdvance = stage.name === 'pod-start' ? { namespace: pod.metadata.namespace!, name: pod.metadata.name!, pulledMs: delay } : { namespace: pod.metadata.namespace!, name: pod.metadata.name! };
    (byStage.get(stage.name) ?? byStage.set(stage.name, []).get(stage.name)!).push(advance);
  }
  const due = podStages.filter((s) => byStage.has(s.name)).map((s) => ({ stage: s.name, pods: byStage.get(s.name)! }));
  return { due, nextDueAt };
}
