import { SeededRandom, seedFromText } from '../../../emulator/clock/index.js';
import type { Pod } from '../../../emulator/kube/index.js';
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

/** KubeletPlanner finds, for every pod on a node, its next stage and when it falls due; it remembers each pod's answer until the pod changes. */
export class KubeletPlanner {
  private readonly known = new Map<string, Map<string, Next>>();

  plan(cluster: KubeCluster, now: number, seed: number): KubeletPlan {
    const known = this.known.get(cluster.clusterId) ?? this.known.set(cluster.clusterId, new Map()).get(cluster.clusterId)!;
    const byStage = new Map<string, PodAdvance[]>();
    let nextDueAt: number | undefined;
    const pods = cluster.objects.Pod ?? {};
    for (const key of known.keys()) if (!(key in pods)) known.delete(key);
    for (const key in pods) {
      const pod = pods[key] as Pod;
      if (!pod.spec.nodeName || cluster.nodeFailures[pod.spec.nodeName] !== undefined) continue;
      let next = known.get(key);
      const since = cluster.podSince[key];
      if (!next || next.resourceVersion !== pod.metadata.resourceVersion || next.since !== since) {
        const stage = matchingStage(podFacts(pod));
        const delay = stage && stageDelayMs(stage, pod, jitterFor(seed, pod, stage.name));
        const dueAt = delay === undefined ? undefined : Date.parse(since ?? pod.metadata.creationTimestamp!) + delay;
        next = { resourceVersion: pod.metadata.resourceVersion, since, stage: stage?.name, delay, dueAt };
        known.set(key, next);
      }
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
}
