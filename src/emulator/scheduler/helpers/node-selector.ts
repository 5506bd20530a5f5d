/** Node selectors and node affinity terms, as component-helpers/scheduling/corev1/nodeaffinity evaluates them. */
import type { NodeSelectorRequirement, NodeSelectorTerm, Pod } from '../../kube/index.js';
import type { NodeInfo } from '../node-info.js';

const INTEGER = /^[+-]?\d+$/;
const OBJECT_NAME_FIELD = 'metadata.name';

/** CompiledTerm is a NodeSelectorTerm checked once; an invalid term (parse error) matches no node. */
export interface CompiledTerm {
  readonly valid: boolean;
  readonly expressions: readonly NodeSelectorRequirement[];
  readonly fields: readonly NodeSelectorRequirement[];
}

function validExpression(r: NodeSelectorRequirement): boolean {
  const n = r.values?.length ?? 0;
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      return n > 0;
    case 'Exists':
    case 'DoesNotExist':
      return n === 0;
    case 'Gt':
    case 'Lt':
      return n === 1 && INTEGER.test(r.values![0]);
    default:
      return false;
  }
}

/** validField: field selectors take In or NotIn with exactly one value. */
function validField(r: NodeSelectorRequirement): boolean {
  return (r.operator === 'In' || r.operator === 'NotIn') && r.values?.length === 1;
}

/** compileTerm validates a term the way nodeSelectorRequirementsAsSelector/AsFieldSelector do. */
export function compileTerm(term: NodeSelectorTerm): CompiledTerm {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  return { valid: expressions.every(validExpression) && fields.every(validField), expressions, fields };
}

/** requirementMatches is labels.Requirement.Matches for a node selector requirement. */
export function requirementMatches(r: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'In':
      return has && r.values!.includes(labels[r.key]);
    case 'NotIn':
      return !has || !r.values!.includes(labels[r.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || !INTEGER.test(labels[r.key])) return false;
      const value = Number(labels[r.key]);
      const bound = Number(r.values![0]);
      return r.operator === 'Gt' ? value > bound : value < bound;
    }
    default:
      return false;
  }
}

function fieldMatches(r: NodeSelectorRequirement, nodeName: string): boolean {
  const value = r.key === OBJECT_NAME_FIELD ? nodeName : '';
  return r.operator === 'In' ? value === r.values![0] : value !== r.values![0];
}

/** termMatches: every expression holds on the labels and every field on metadata.name; an empty term matches nothing. */
export function termMatches(term: CompiledTerm, node: NodeInfo): boolean {
  if (!term.valid || (term.expressions.length === 0 && term.fields.length === 0)) return false;
  for (const r of term.expressions) if (!requirementMatches(r, node.labels)) return false;
  if (node.name !== '') for (const r of term.fields) if (!fieldMatches(r, node.name)) return false;
  return true;
}

/** RequiredNodeAffinity is nodeaffinity.GetRequiredNodeAffinity: spec.nodeSelector AND required node affinity. */
export class RequiredNodeAffinity {
  private constructor(
    private readonly nodeSelector: ReadonlyArray<[string, string]> | undefined,
    private readonly terms: readonly CompiledTerm[] | undefined,
  ) {}

  /** of reads a pod's nodeSelector and requiredDuringSchedulingIgnoredDuringExecution. */
  static of(pod: Pod): RequiredNodeAffinity {
    const selector = Object.entries(pod.spec.nodeSelector ?? {});
    const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    return new RequiredNodeAffinity(selector.length > 0 ? selector : undefined, required?.nodeSelectorTerms.map(compileTerm));
  }

  /** match: the node carries every nodeSelector pair and matches at least one term (terms are ORed). */
  match(node: NodeInfo): boolean {
    if (this.nodeSelector) for (const [k, v] of this.nodeSelector) if (node.labels[k] !== v) return false;
    if (!this.terms) return true;
    for (const term of this.terms) if (termMatches(term, node)) return true;
    return false;
  }
}

/** PreferredTerm is one weighted preference of node affinity. */
export interface PreferredTerm {
  readonly weight: number;
  readonly term: CompiledTerm;
}

/** compilePreferred is NewPreferredSchedulingTerms: zero weights and empty terms dropped; a malformed term is an error. */
export function compilePreferred(
  terms: ReadonlyArray<{ weight: number; preference: NodeSelectorTerm }>,
): readonly PreferredTerm[] | string {
  const out: PreferredTerm[] = [];
  for (const [i, t] of terms.entries()) {
    const empty = !t.preference.matchExpressions?.length && !t.preference.matchFields?.length;
    if (t.weight === 0 || empty) continue;
    const term = compileTerm(t.preference);
    if (!term.valid) return `preferredDuringSchedulingIgnoredDuringExecution[${i}].preference: invalid node selector requirement`;
    out.push({ weight: t.weight, term });
  }
  return out;
}

/** preferredScore sums the weights of the preferences the node matches. */
export function preferredScore(terms: readonly PreferredTerm[], node: NodeInfo): number {
  let score = 0;
  for (const t of terms) if (termMatches(t.term, node)) score += t.weight;
  return score;
}
