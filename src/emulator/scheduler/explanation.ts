/** Explanation: why one scheduling attempt chose what it chose, as kube-scheduler-simulator records it. */

/** FilteredNode is a node some plugin turned away, with the reason it gave. */
export interface FilteredNode {
  readonly node: string;
  readonly plugin: string;
  readonly reason: string;
}

/** PluginScore is one plugin's raw score for a node, and its normalized score times the plugin weight. */
export interface PluginScore {
  readonly node: string;
  readonly plugin: string;
  readonly score: number;
  readonly finalScore: number;
}

/** NodeScore is a node's weighted total over all Score plugins. */
export interface NodeScore {
  readonly node: string;
  readonly score: number;
}

/** Explanation covers one attempt: the chosen node, rejections, per-plugin and final scores. */
export interface Explanation {
  nodeName?: string;
  /** preFilter is set when a PreFilter plugin rejected the pod before any node was looked at. */
  preFilter?: { readonly plugin: string; readonly reason: string };
  readonly filtered: FilteredNode[];
  readonly scores: PluginScore[];
  readonly finalScores: NodeScore[];
}

/** newExplanation starts an empty explanation. */
export function newExplanation(): Explanation {
  return { filtered: [], scores: [], finalScores: [] };
}
