import type { Pod } from '../../kube/index.js';
import { memoOf, type IndexedObject } from '../../kube/store-index.js';
import { millis } from './json.js';
import { isPodActive, isPodReady, isPodTerminal, readyCondition } from './pods.js';

/** What the controllers read of a pod on every pass, derived once per write of the pod rather than once per pass. */

/** PodFacts are a pod's predicates as pods.ts defines them, and when it became ready (NaN when unknown). */
export interface PodFacts {
  readonly active: boolean;
  readonly terminal: boolean;
  readonly ready: boolean;
  readonly readySince: number;
}

const derive = (pod: Pod): PodFacts => ({
  active: isPodActive(pod),
  terminal: isPodTerminal(pod),
  ready: isPodReady(pod),
  readySince: millis(readyCondition(pod)?.lastTransitionTime),
});

/** podFacts are an indexed pod's facts. */
export const podFacts = (entry: IndexedObject<Pod>): PodFacts => memoOf(entry, 'podFacts', derive);

/** isAvailable is isPodAvailable over facts: ready for longer than minReadySeconds before now (epoch milliseconds). */
export function isAvailable(facts: PodFacts, minReadySeconds: number | undefined, now: number): boolean {
  if (!facts.ready) return false;
  if (!minReadySeconds) return true;
  return !Number.isNaN(facts.readySince) && facts.readySince + minReadySeconds * 1000 < now;
}

/** settled says whether the last sync of an indexed object, with inputs summed up by key, found nothing to do. */
export const settled = (entry: IndexedObject, slot: string, key: string): boolean => entry.memo?.[slot] === key;

/** remember returns a sync's actions, noting when there are none so an unchanged next pass can skip the work. */
export function remember<A>(entry: IndexedObject, slot: string, key: string, actions: A[]): A[] {
  if (actions.length === 0) (entry.memo ??= {})[slot] = key;
  return actions;
}
