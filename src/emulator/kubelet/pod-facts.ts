import type { Pod } from '../kube/pod.js';
import { factBit, matchingStageOfMask, stageHoldsForMask, type PodFact, type PodStage } from './pod-stages.js';

/** podFacts observes a pod the way the stages' `when` lists read it. */
export function podFacts(pod: Pod): Set<PodFact> {
  const facts = new Set<PodFact>();
  const statuses = pod.status?.containerStatuses ?? [];
  if (pod.spec.nodeName) facts.add('bound');
  if (pod.metadata.deletionTimestamp) facts.add('deleting');
  if (statuses.length === 0) facts.add('noContainerStatuses');
  if (statuses.length > 0 && statuses.every((s) => s.state.waiting?.reason === 'ContainerCreating')) facts.add('containersCreating');
  if (statuses.length > 0 && statuses.every((s) => s.state.running)) facts.add('containersRunning');
  if (statuses.length > 0 && statuses.every((s) => s.ready)) facts.add('containersReady');
  if (pod.spec.containers.some((c) => c.readinessProbe)) facts.add('hasReadinessProbe');
  if (statuses.some((s) => s.state.waiting?.reason === 'CrashLoopBackOff')) facts.add('backingOff');
  return facts;
}

const BIT = {
  bound: factBit('bound'),
  deleting: factBit('deleting'),
  none: factBit('noContainerStatuses'),
  creating: factBit('containersCreating'),
  running: factBit('containersRunning'),
  ready: factBit('containersReady'),
  probe: factBit('hasReadinessProbe'),
  backingOff: factBit('backingOff'),
};

/** podFactMask is podFacts as a bit mask (see factBit), without allocating. */
export function podFactMask(pod: Pod): number {
  let mask = 0;
  if (pod.spec.nodeName) mask |= BIT.bound;
  if (pod.metadata.deletionTimestamp) mask |= BIT.deleting;
  const statuses = pod.status?.containerStatuses;
  if (!statuses || statuses.length === 0) mask |= BIT.none;
  else {
    let creating = true;
    let running = true;
    let ready = true;
    for (const s of statuses) {
      if (s.state.waiting?.reason !== 'ContainerCreating') creating = false;
      if (!s.state.running) running = false;
      if (!s.ready) ready = false;
      if (s.state.waiting?.reason === 'CrashLoopBackOff') mask |= BIT.backingOff;
    }
    if (creating) mask |= BIT.creating;
    if (running) mask |= BIT.running;
    if (ready) mask |= BIT.ready;
  }
  for (const c of pod.spec.containers) if (c.readinessProbe) mask |= BIT.probe;
  return mask;
}

/** podStageOf is the stage a pod is in now: matchingStage(podFacts(pod)), faster. */
export function podStageOf(pod: Pod, stages?: readonly PodStage[]): PodStage | undefined {
  return matchingStageOfMask(podFactMask(pod), stages);
}

/** podMeetsStage says whether the pod meets a stage's conditions now, whether or not an earlier stage would match it first. */
export function podMeetsStage(pod: Pod, stage: PodStage): boolean {
  return stageHoldsForMask(stage, podFactMask(pod));
}
