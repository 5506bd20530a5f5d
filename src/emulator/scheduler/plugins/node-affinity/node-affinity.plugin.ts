/** NodeAffinity: nodeSelector and required node affinity filter; preferred terms score (plugins/nodeaffinity). */
import type { NodeSelectorTerm } from '../../../kube/index.js';
import {
  StateKey,
  Status,
  type CycleState,
  type FilterPlugin,
  type PreFilterPlugin,
  type PreFilterResult,
  type ScorePlugin,
} from '../../framework.js';
import { compilePreferred, preferredScore, RequiredNodeAffinity, type PreferredTerm } from '../../helpers/node-selector.js';
import { defaultNormalizeScore } from '../../helpers/normalize-score.js';
import type { NodeInfo } from '../../node-info.js';
import type { PodInfo } from '../../pod-info.js';

/** NODE_AFFINITY is the plugin's registry name. */
export const NODE_AFFINITY = 'NodeAffinity';
/** ERR_REASON_POD is kube-scheduler's reason when nodeSelector or required node affinity does not match. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** ERR_REASON_CONFLICT is the PreFilter reason when matchFields on metadata.name leave no node at all. */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

const preFilterKey = new StateKey<RequiredNodeAffinity>('PreFilterNodeAffinity');
const preScoreKey = new StateKey<readonly PreferredTerm[]>('PreScoreNodeAffinity');
const rejected = Status.unresolvable(ERR_REASON_POD);

/** nodeNamesFromTerms unites, over terms, the metadata.name In values each term pins; undefined if any term pins none. */
export function nodeNamesFromTerms(terms: readonly NodeSelectorTerm[]): Set<string> | undefined {
  let union: Set<string> | undefined;
  for (const term of terms) {
    let names: Set<string> | undefined;
    for (const r of term.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const values = new Set(r.values ?? []);
      names = names === undefined ? values : new Set([...names].filter((n) => values.has(n)));
    }
    if (names === undefined) return undefined;
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}

/** NodeAffinityPlugin implements PreFilter, Filter, PreScore, Score and NormalizeScore. */
export class NodeAffinityPlugin implements PreFilterPlugin, FilterPlugin, ScorePlugin {
  readonly name = NODE_AFFINITY;

  /** preFilter skips pods with neither nodeSelector nor required affinity, and narrows to named nodes. */
  preFilter(state: CycleState, pod: PodInfo): Status | PreFilterResult {
    const required = pod.pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (required === undefined && pod.pod.spec.nodeSelector === undefined) return Status.skip;
    state.write(preFilterKey, RequiredNodeAffinity.of(pod.pod));
    if (!required?.nodeSelectorTerms.length) return Status.success;
    const names = nodeNamesFromTerms(required.nodeSelectorTerms);
    if (names === undefined) return Status.success;
    return names.size === 0 ? Status.unresolvable(ERR_REASON_CONFLICT) : { nodeNames: names };
  }

  /** filter rejects nodes failing nodeSelector or every required term (UnschedulableAndUnresolvable). */
  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status {
    return state.read(preFilterKey).match(node) ? Status.success : rejected;
  }

  /** preScore compiles preferred terms, or skips pods without any. */
  preScore(state: CycleState, pod: PodInfo): Status {
    const preferred = pod.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    if (preferred === undefined) return Status.skip;
    const terms = compilePreferred(preferred);
    if (typeof terms === 'string') return Status.error(terms);
    state.write(preScoreKey, terms);
    return Status.success;
  }

  /** score sums the weights of the preferred terms the node matches. */
  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    return preferredScore(state.read(preScoreKey), node);
  }

  /** normalizeScore rescales to 0-100 against the best node. */
  normalizeScore(_state: CycleState, _pod: PodInfo, _nodes: readonly NodeInfo[], scores: number[]): void {
    defaultNormalizeScore(scores, false);
  }
}
