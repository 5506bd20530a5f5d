import type { WorkloadCondition } from '../../kube/index.js';

/** Workload conditions, as deploymentutil's NewDeploymentCondition and SetDeploymentCondition keep them. */

/** newCondition is a condition that changed now. */
export function newCondition(type: string, status: WorkloadCondition['status'], reason: string, message: string, now: string): WorkloadCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** findCondition returns the condition of a type. */
export function findCondition(conditions: readonly WorkloadCondition[] | undefined, type: string): WorkloadCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** setCondition: unchanged if status and reason are the same; keeps lastTransitionTime if only the reason changed; appends last. */
export function setCondition(conditions: readonly WorkloadCondition[] | undefined, condition: WorkloadCondition): WorkloadCondition[] {
  const current = findCondition(conditions, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return [...(conditions ?? [])];
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  return [...removeCondition(conditions, condition.type), next];
}

/** removeCondition drops the condition of a type. */
export function removeCondition(conditions: readonly WorkloadCondition[] | undefined, type: string): WorkloadCondition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}
