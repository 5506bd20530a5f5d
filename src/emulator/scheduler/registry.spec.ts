import { DEFAULT_PROFILE, Profile } from './profile.js';
import { defaultProfileConfig } from './registry.js';

describe('the default profile', () => {
  it.each([
    ['PreFilter', DEFAULT_PROFILE.preFilter.map((p) => p.name), ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodeResourcesFit', 'NodeVolumeLimits', 'VolumeBinding', 'VolumeZone', 'PodTopologySpread', 'InterPodAffinity']],
    ['Filter', DEFAULT_PROFILE.filter.map((p) => p.name), ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodeResourcesFit', 'NodeVolumeLimits', 'VolumeBinding', 'VolumeZone', 'PodTopologySpread', 'InterPodAffinity']],
    [
      'Score',
      DEFAULT_PROFILE.score.map((s) => `${s.plugin.name}:${s.weight}`),
      ['TaintToleration:3', 'NodeAffinity:2', 'NodeResourcesFit:1', 'PodTopologySpread:2', 'InterPodAffinity:2', 'NodeResourcesBalancedAllocation:1'],
    ],
    ['Reserve', DEFAULT_PROFILE.reserve.map((p) => p.name), []],
    ['Bind', DEFAULT_PROFILE.bind.map((p) => p.name), ['DefaultBinder']],
  ])("runs kube-scheduler's %s plugins in its order, with its weights", (_point, names, expected) => {
    expect(names).toEqual(expected);
  });

  it.each([
    ['an unknown plugin', { ...defaultProfileConfig, plugins: [{ name: 'ImageLocality' }] }, 'plugin "ImageLocality" does not exist in the registry'],
    ['a repeated plugin', { ...defaultProfileConfig, plugins: [{ name: 'NodeName' }, { name: 'NodeName' }] }, 'plugin "NodeName" already registered'],
    ['a percentage above 100', { ...defaultProfileConfig, percentageOfNodesToScore: 101 }, 'percentageOfNodesToScore must be an integer in [0, 100], got 101'],
  ])('rejects %s', (_case, config, message) => {
    expect(() => Profile.from(config)).toThrow(message);
  });
});
