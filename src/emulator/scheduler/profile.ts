/** Profile: a ProfileConfig instantiated into per-extension-point plugin lists (frameworkImpl). */
import {
  isBindPlugin,
  isFilterPlugin,
  isPreFilterPlugin,
  isReservePlugin,
  isScorePlugin,
  type BindPlugin,
  type FilterPlugin,
  type PreFilterPlugin,
  type ReservePlugin,
  type ScorePlugin,
} from './framework.js';
import { defaultProfileConfig, registry as defaultRegistry, type PluginFactory, type ProfileConfig } from './registry.js';

/** WeightedScorePlugin is a Score plugin with the weight its normalized score is multiplied by. */
export interface WeightedScorePlugin {
  readonly plugin: ScorePlugin;
  readonly weight: number;
}

/** Profile holds the plugins of one scheduler profile, in configured order at each extension point. */
export class Profile {
  private static issued = 0;
  /** id tells profiles apart in per-node memos (two profiles may configure one plugin differently). */
  readonly id = ++Profile.issued;
  readonly preFilter: readonly PreFilterPlugin[];
  readonly filter: readonly FilterPlugin[];
  readonly score: readonly WeightedScorePlugin[];
  readonly reserve: readonly ReservePlugin[];
  readonly bind: readonly BindPlugin[];

  private constructor(
    readonly schedulerName: string,
    readonly percentageOfNodesToScore: number,
    plugins: ReadonlyArray<{ plugin: object & { name: string }; weight: number }>,
  ) {
    const all = plugins.map((p) => p.plugin);
    this.preFilter = all.filter(isPreFilterPlugin);
    this.filter = all.filter(isFilterPlugin);
    this.score = plugins.filter((p) => isScorePlugin(p.plugin)).map((p) => ({ plugin: p.plugin as ScorePlugin, weight: p.weight }));
    this.reserve = all.filter(isReservePlugin);
    this.bind = all.filter(isBindPlugin);
  }

  /** from builds a profile; an unknown or repeated plugin name is a configuration error. */
  static from(config: ProfileConfig, registry: ReadonlyMap<string, PluginFactory> = defaultRegistry): Profile {
    const seen = new Set<string>();
    const plugins = config.plugins.map((spec) => {
      const factory = registry.get(spec.name);
      if (!factory) throw new Error(`plugin "${spec.name}" does not exist in the registry`);
      if (seen.has(spec.name)) throw new Error(`plugin "${spec.name}" already registered`);
      seen.add(spec.name);
      const plugin = factory(spec.args);
      if (plugin.name !== spec.name) throw new Error(`factory for "${spec.name}" built plugin "${plugin.name}"`);
      // An unset (or zero) weight is 1, as kube-scheduler defaults it.
      return { plugin, weight: spec.weight || 1 };
    });
    const percentage = config.percentageOfNodesToScore ?? 0;
    if (!Number.isInteger(percentage) || percentage < 0 || percentage > 100) {
      throw new Error(`percentageOfNodesToScore must be an integer in [0, 100], got ${percentage}`);
    }
    return new Profile(config.schedulerName, percentage, plugins);
  }
}

/** DEFAULT_PROFILE is kube-scheduler's default profile; its plugins are stateless, so one instance serves all. */
export const DEFAULT_PROFILE: Profile = Profile.from(defaultProfileConfig);
