import { SeededRandom, seedFromText } from '../../../emulator/clock/index.js';
import { objectKey, type Pod } from '../../../emulator/kube/index.js';
import { creationSeq } from '../../../emulator/kube/store-index.js';
import { podStageOf, podStages, stageDelayMs, stageGateOpen, type PodStage } from '../../../emulator/kubelet/index.js';
import type { KubeCluster } from '../kube/kube.types.js';
import { allPods, podsOnNode } from '../kube/pod-groups.js';
import type { Touched } from './cluster-watch.js';
import { MinHeap } from './min-heap.js';

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

interface Planned {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly stage: string;
  readonly delay: number;
  readonly dueAt: number;
  readonly seq: number;
}

/** jitterFor draws a stage's jitter from the account's seed and the pod, so the same pod waits the same, replayed or not. */
function jitterFor(seed: number, pod: Pod, stage: PodStage): SeededRandom {
  return new SeededRandom(seedFromText(`${seed}/${pod.metadata.uid}/${stage.delay.jitterOf ?? stage.name}`));
}

/** PULLING_STAGES are the stages whose wait is the image pull: their events report how long it took. */
const PULLING_STAGES = new Set(podStages.filter((s) => s.next.events?.some((e) => e.message.includes('{pulled}'))).map((s) => s.name));

/** NO_JITTER stands in for a generator when a stage has no jitter to draw. */
const NO_JITTER = new SeededRandom(0);

/** lastTime is the last timestamp timeOf parsed: the pods of one kubelet pass share theirs, so most reads parse nothing. */
let lastTime = { text: '', ms: NaN };

/** timeOf parses an RFC 3339 timestamp into epoch milliseconds. */
function timeOf(text: string): number {
  if (text !== lastTime.text) lastTime = { text, ms: Date.parse(text) };
  return lastTime.ms;
}

/** planOf is a pod's next stage and when it falls due, or undefined if its kubelet has nothing to do (or is down). */
function planOf(cluster: KubeCluster, key: string, seed: number): Planned | undefined {
  const pod = cluster.objects.Pod?.[key] as Pod | undefined;
  if (!pod?.spec.nodeName || cluster.nodeFailures[pod.spec.nodeName] !== undefined) return undefined;
  const stage = podStageOf(pod);
  if (!stage || !stageGateOpen(stage, pod, cluster)) return undefined;
  const delay = stageDelayMs(stage, pod, stage.delay.jitterMs ? jitterFor(seed, pod, stage) : NO_JITTER);
  const dueAt = timeOf(cluster.podSince[key] ?? pod.metadata.creationTimestamp!) + delay;
  const { namespace = 'default', name = '' } = pod.metadata;
  return { key, namespace, name, stage: stage.name, delay, dueAt, seq: creationSeq(cluster, 'Pod', key) ?? 0 };
}

/**
 * KubeletQueue keeps every pod's next kubelet stage by due time, replanning only the pods events touched. Pods fall due
 * in few instants (jitter moves in 100 ms steps), so they wait in one bucket per instant, the instants in a heap: taking
 * the due pods reads each bucket in order instead of sifting every pod through a heap of them all.
 */
export class KubeletQueue {
  private readonly instants = new MinHeap<number>((a, b) => a < b);
  private readonly buckets = new Map<number, Planned[]>();
  private readonly current = new Map<string, Planned>();

  /** refresh replans the pods touched since the last refresh (all of them the first time). */
  refresh(cluster: KubeCluster, touched: Touched, seed: number): void {
    let keys: Iterable<string> = touched.pods;
    if (touched.all) {
      this.instants.clear();
      this.buckets.clear();
      this.current.clear();
      keys = allPods(cluster).list().map((e) => e.key);
    } else if (touched.nodes.size > 0) {
      const onNodes = [...touched.nodes].flatMap((n) => podsOnNode(cluster, n).objects().map((p) => objectKey(p.metadata.namespace, p.metadata.name!)));
      keys = new Set([...touched.pods, ...onNodes]);
    }
    for (const key of keys) {
      const planned = planOf(cluster, key, seed);
      if (!planned) {
        this.current.delete(key);
        continue;
      }
      this.current.set(key, planned);
      let bucket = this.buckets.get(planned.dueAt);
      if (!bucket) {
        this.buckets.set(planned.dueAt, (bucket = []));
        this.instants.push(planned.dueAt);
      }
      bucket.push(planned);
    }
  }

  /** due takes every pod whose stage has come, grouped by stage in lifecycle order, each group in creation order. */
  due(cluster: KubeCluster, now: number): KubeletPlan {
    const byStage = new Map<string, Planned[]>();
    for (let at = this.instants.peek(); at !== undefined && at <= now; at = this.instants.peek()) {
      this.instants.pop();
      const bucket = this.buckets.get(at)!;
      this.buckets.delete(at);
      for (const planned of bucket) {
        // A pod replanned since it was filed here waits in another bucket now.
        if (this.current.get(planned.key) !== planned) continue;
        this.current.delete(planned.key);
        if (!cluster.objects.Pod?.[planned.key]) continue;
        (byStage.get(planned.stage) ?? byStage.set(planned.stage, []).get(planned.stage)!).push(planned);
      }
    }
    const due = podStages
      .filter((s) => byStage.has(s.name))
      .map((s) => ({
        stage: s.name,
        pods: byStage
          .get(s.name)!
          .sort((a, b) => a.seq - b.seq)
          .map((p): PodAdvance => (PULLING_STAGES.has(p.stage) ? { namespace: p.namespace, name: p.name, pulledMs: p.delay } : { namespace: p.namespace, name: p.name })),
      }));
    return { due, nextDueAt: this.nextDueAt() };
  }

  /** nextDueAt is the first instant some pod still waits for, dropping instants whose pods were all replanned. */
  private nextDueAt(): number | undefined {
    for (let at = this.instants.peek(); at !== undefined; at = this.instants.peek()) {
      if (this.buckets.get(at)!.some((planned) => this.current.get(planned.key) === planned)) return at;
      this.instants.pop();
      this.buckets.delete(at);
    }
    return undefined;
  }
}
