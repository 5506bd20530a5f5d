/** Topology spread constraints as PodTopologySpread reads them (plugins/podtopologyspread/common.go). */
import { LABEL_HOSTNAME, LABEL_ZONE, matchesSelector, type LabelSelector, type LabelSelectorRequirement, type TopologySpreadConstraint } from '../../../kube/index.js';
import type { ClusterSnapshot } from '../../cluster-snapshot.js';
import { findUntoleratedTaint, isDoNotScheduleTaint } from '../../helpers/tolerations.js';
import type { RequiredNodeAffinity } from '../../helpers/node-selector.js';
import type { NodeInfo } from '../../node-info.js';
import { isEmptySelector, type PodInfo } from '../../pod-info.js';

/** SpreadConstraintSpec is core/v1 TopologySpreadConstraint including the fields src/emulator/kube does not carry yet. */
export interface SpreadConstraintSpec extends TopologySpreadConstraint {
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
  matchLabelKeys?: string[];
}

/** Constraint is a parsed constraint: minDomains defaults to 1, node affinity is honoured and taints ignored. */
export interface Constraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: LabelSelector | undefined;
  readonly minDomains: number;
  readonly honorNodeAffinity: boolean;
  readonly honorNodeTaints: boolean;
}

/** SYSTEM_DEFAULT_CONSTRAINTS are kube-scheduler's defaults for pods without constraints of their own. */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly SpreadConstraintSpec[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** withMatchLabelKeys ANDs `key in (pod's value)` for each matchLabelKeys entry the pod carries; a missing selector stays missing. */
function withMatchLabelKeys(selector: LabelSelector | undefined, keys: readonly string[] | undefined, podLabels: Readonly<Record<string, string>>): LabelSelector | undefined {
  if (selector === undefined || !keys?.length) return selector;
  const extra: LabelSelectorRequirement[] = keys.filter((k) => k in podLabels).map((k) => ({ key: k, operator: 'In', values: [podLabels[k]] }));
  if (extra.length === 0) return selector;
  const fromMap = Object.entries(selector.matchLabels ?? {}).map(([key, v]): LabelSelectorRequirement => ({ key, operator: 'In', values: [v] }));
  return { matchExpressions: [...extra, ...fromMap, ...(selector.matchExpressions ?? [])] };
}

/** parseConstraints keeps the constraints with the given whenUnsatisfiable. */
export function parseConstraints(specs: readonly SpreadConstraintSpec[], pod: PodInfo, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  return specs
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: withMatchLabelKeys(c.labelSelector, c.matchLabelKeys, pod.labels),
      minDomains: c.minDomains ?? 1,
      honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorNodeTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
    }));
}

/** podConstraints: the pod's constraints for `action`, else system defaults over the snapshot's defaultSpreadSelector. */
export function podConstraints(pod: PodInfo, snapshot: ClusterSnapshot, action: 'DoNotSchedule' | 'ScheduleAnyway'): { constraints: Constraint[]; systemDefaulted: boolean } {
  const own = (pod.pod.spec.topologySpreadConstraints ?? []) as SpreadConstraintSpec[];
  if (own.length > 0) return { constraints: parseConstraints(own, pod, action), systemDefaulted: false };
  const selector = snapshot.defaultSpreadSelector?.(pod);
  if (selector === undefined || isEmptySelector(selector)) return { constraints: [], systemDefaulted: true };
  const constraints = parseConstraints(SYSTEM_DEFAULT_CONSTRAINTS, pod, action).map((c) => ({ ...c, selector }));
  return { constraints, systemDefaulted: true };
}

/** hasAllTopologyKeys: the node carries every constraint's topology key. */
export function hasAllTopologyKeys(node: NodeInfo, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (node.labels[c.topologyKey] === undefined) return false;
  return true;
}

/** matchesInclusionPolicies: nodeAffinityPolicy Honor needs the pod's required node affinity, nodeTaintsPolicy Honor tolerated taints. */
export function matchesInclusionPolicies(c: Constraint, pod: PodInfo, node: NodeInfo, required: RequiredNodeAffinity): boolean {
  if (c.honorNodeAffinity && !required.match(node)) return false;
  if (c.honorNodeTaints && findUntoleratedTaint(node.taints, pod.pod.spec.tolerations, isDoNotScheduleTaint) !== undefined) return false;
  return true;
}

/** countMatchingPods counts live pods of `namespace` the selector matches; an empty selector counts none. */
export function countMatchingPods(pods: readonly PodInfo[], selector: LabelSelector | undefined, namespace: string): number {
  if (selector === undefined || isEmptySelector(selector)) return 0;
  let count = 0;
  for (const p of pods) if (!p.terminating && p.namespace === namespace && matchesSelector(selector, p.labels)) count++;
  return count;
}
