/** The plugin registry and kube-scheduler's default profile (plugins/registry.go, apis/config/v1/default_plugins.go). */
import type { Plugin } from './framework.js';
import { DEFAULT_BINDER, DefaultBinderPlugin } from './plugins/default-binder/default-binder.plugin.js';
import { INTER_POD_AFFINITY, InterPodAffinityPlugin, type InterPodAffinityArgs } from './plugins/inter-pod-affinity/inter-pod-affinity.plugin.js';
import { NODE_AFFINITY, NodeAffinityPlugin } from './plugins/node-affinity/node-affinity.plugin.js';
import { NODE_NAME, NodeNamePlugin } from './plugins/node-name/node-name.plugin.js';
import {
  NODE_RESOURCES_BALANCED_ALLOCATION,
  NodeResourcesBalancedAllocationPlugin,
} from './plugins/node-resources-balanced-allocation/node-resources-balanced-allocation.plugin.js';
import { NODE_RESOURCES_FIT, NodeResourcesFitPlugin } from './plugins/node-resources-fit/node-resources-fit.plugin.js';
import { NODE_UNSCHEDULABLE, NodeUnschedulablePlugin } from './plugins/node-unschedulable/node-unschedulable.plugin.js';
import { POD_TOPOLOGY_SPREAD, PodTopologySpreadPlugin } from './plugins/pod-topology-spread/pod-topology-spread.plugin.js';
import { TAINT_TOLERATION, TaintTolerationPlugin } from './plugins/taint-toleration/taint-toleration.plugin.js';
import { NODE_VOLUME_LIMITS, NodeVolumeLimitsPlugin } from './plugins/node-volume-limits/node-volume-limits.plugin.js';
import { VOLUME_BINDING, VolumeBindingPlugin } from './plugins/volume-binding/volume-binding.plugin.js';
import { VOLUME_ZONE, VolumeZonePlugin } from './plugins/volume-zone/volume-zone.plugin.js';

/** PluginFactory builds a plugin from its (optional) args. */
export type PluginFactory = (args?: unknown) => Plugin;

/** registry maps every plugin name to its factory. */
export const registry: ReadonlyMap<string, PluginFactory> = new Map<string, PluginFactory>([
  [NODE_UNSCHEDULABLE, () => new NodeUnschedulablePlugin()],
  [NODE_NAME, () => new NodeNamePlugin()],
  [TAINT_TOLERATION, () => new TaintTolerationPlugin()],
  [NODE_AFFINITY, () => new NodeAffinityPlugin()],
  [NODE_RESOURCES_FIT, () => new NodeResourcesFitPlugin()],
  [NODE_VOLUME_LIMITS, () => new NodeVolumeLimitsPlugin()],
  [VOLUME_BINDING, () => new VolumeBindingPlugin()],
  [VOLUME_ZONE, () => new VolumeZonePlugin()],
  [POD_TOPOLOGY_SPREAD, () => new PodTopologySpreadPlugin()],
  [INTER_POD_AFFINITY, (args) => new InterPodAffinityPlugin(args as InterPodAffinityArgs | undefined)],
  [NODE_RESOURCES_BALANCED_ALLOCATION, () => new NodeResourcesBalancedAllocationPlugin()],
  [DEFAULT_BINDER, () => new DefaultBinderPlugin()],
]);

/** PluginSpec enables one plugin at every extension point it implements (MultiPoint), with a score weight. */
export interface PluginSpec {
  readonly name: string;
  readonly weight?: number;
  readonly args?: unknown;
}

/** ProfileConfig is a KubeSchedulerProfile: a scheduler name, ordered plugins, percentageOfNodesToScore. */
export interface ProfileConfig {
  readonly schedulerName: string;
  readonly plugins: readonly PluginSpec[];
  /** percentageOfNodesToScore: 0 (the default) means adaptive, 50% minus 1% per 125 nodes, at least 5%. */
  readonly percentageOfNodesToScore?: number;
}

/** DEFAULT_SCHEDULER_NAME is the schedulerName pods get when they name none. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

// Not modelled: SchedulingGates, PrioritySort, NodePorts, VolumeRestrictions, DefaultPreemption, ImageLocality.
/** defaultProfileConfig is kube-scheduler's default MultiPoint list, in its order and with its score weights. */
export const defaultProfileConfig: ProfileConfig = {
  schedulerName: DEFAULT_SCHEDULER_NAME,
  plugins: [
    { name: NODE_UNSCHEDULABLE },
    { name: NODE_NAME },
    { name: TAINT_TOLERATION, weight: 3 },
    { name: NODE_AFFINITY, weight: 2 },
    { name: NODE_RESOURCES_FIT, weight: 1 },
    { name: NODE_VOLUME_LIMITS },
    { name: VOLUME_BINDING },
    { name: VOLUME_ZONE },
    { name: POD_TOPOLOGY_SPREAD, weight: 2 },
    { name: INTER_POD_AFFINITY, weight: 2 },
    { name: NODE_RESOURCES_BALANCED_ALLOCATION, weight: 1 },
    { name: DEFAULT_BINDER },
  ],
};
