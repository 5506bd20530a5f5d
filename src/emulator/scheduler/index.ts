/** The scheduler's public face: one cycle, the snapshot it runs on, the framework to extend it. */
export { schedule, type ScheduleOptions, type ScheduleResult, type Scheduled, type Unschedulable, type SchedulingFailed } from './scheduler.js';
export { ClusterSnapshot, zoneKey, type VolumeContext } from './cluster-snapshot.js';
export { NodeInfo } from './node-info.js';
export { PodInfo, type AffinityTerm, type WeightedAffinityTerm } from './pod-info.js';
export { Resource, podRequests, DEFAULT_MILLI_CPU_REQUEST, DEFAULT_MEMORY_REQUEST } from './resource.js';
export {
  CycleState,
  MAX_NODE_SCORE,
  StateKey,
  Status,
  type Binding,
  type BindPlugin,
  type BindResult,
  type Code,
  type FilterPlugin,
  type Plugin,
  type PreFilterPlugin,
  type PreFilterResult,
  type ReservePlugin,
  type ScorePlugin,
} from './framework.js';
export { ERR_NO_NODES_AVAILABLE, FitError, fitErrorMessage, type Diagnosis } from './fit-error.js';
export type { Explanation, FilteredNode, NodeScore, PluginScore } from './explanation.js';
export { numFeasibleNodesToFind } from './find-nodes.js';
export { selectHost } from './prioritize.js';
export { DEFAULT_PROFILE, Profile, type WeightedScorePlugin } from './profile.js';
export { DEFAULT_SCHEDULER_NAME, defaultProfileConfig, registry, type PluginFactory, type PluginSpec, type ProfileConfig } from './registry.js';
export type { InterPodAffinityArgs } from './plugins/inter-pod-affinity/inter-pod-affinity.plugin.js';
export type { SpreadConstraintSpec } from './plugins/pod-topology-spread/spread-constraints.js';
