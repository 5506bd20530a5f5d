/** PodInfo: a pod with what every plugin needs parsed once (framework.PodInfo). */
import { flatString } from '../kube/flat-string.js';
import { matchesSelector, type LabelSelector, type Labels, type Pod, type PodAffinityTerm } from '../kube/index.js';
import { podRequests, type Resource } from './resource.js';
import { shapeId, shapeText } from './resource-shape.js';

/** AffinityTerm is a parsed PodAffinityTerm: the namespaces it covers, its selectors and topology key. */
export interface AffinityTerm {
  readonly namespaces: ReadonlySet<string>;
  /** selector: undefined matches no pod, `{}` every pod (metav1.LabelSelectorAsSelector). */
  readonly selector: LabelSelector | undefined;
  readonly namespaceSelector: LabelSelector | undefined;
  readonly topologyKey: string;
}

/** WeightedAffinityTerm is a preferred term with its weight. */
export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

/** isEmptySelector: a selector with no requirements (labels.Everything), which Empty() reports. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return selector !== undefined && !selector.matchExpressions?.length && Object.keys(selector.matchLabels ?? {}).length === 0;
}

/** termMatches is AffinityTerm.Matches: the pod is in one of the term's namespaces and carries matching labels. */
export function termMatches(term: AffinityTerm, pod: PodInfo, namespaceLabels: Labels): boolean {
  const inNamespace = term.namespaces.has(pod.namespace) || matchesSelector(term.namespaceSelector, namespaceLabels ?? {});
  return inNamespace && matchesSelector(term.selector, pod.labels);
}

function affinityTerm(namespace: string, term: PodAffinityTerm): AffinityTerm {
  const explicit = (term.namespaces?.length ?? 0) > 0 || term.namespaceSelector !== undefined;
  return {
    namespaces: new Set(explicit ? (term.namespaces ?? []) : [namespace]),
    selector: term.labelSelector,
    namespaceSelector: term.namespaceSelector,
    topologyKey: term.topologyKey,
  };
}

/** ParsedRequests are a pod's requests, plain and non-zero, with their shape number once asked for. */
interface ParsedRequests {
  readonly requests: Resource;
  readonly nonZeroRequests: Resource;
  shape: number | undefined;
}

/** byContainers shares parsed requests among pods whose container lists are one frozen array (a template's pods), which nothing can change. */
const byContainers = new WeakMap<object, ParsedRequests>();

/** requestsOf parses a pod's requests, once per shared container list when the containers alone decide them. */
function requestsOf(pod: Pod): ParsedRequests {
  const { containers, initContainers } = pod.spec;
  const shared = containers !== undefined && Object.isFrozen(containers) && !initContainers?.length && !(pod.spec as { overhead?: unknown }).overhead;
  let parsed = shared ? byContainers.get(containers) : undefined;
  if (!parsed) {
    parsed = { requests: podRequests(pod, false), nonZeroRequests: podRequests(pod, true), shape: undefined };
    if (shared) byContainers.set(containers, parsed);
  }
  return parsed;
}

const none: readonly never[] = Object.freeze([]);

function terms(namespace: string, list: readonly PodAffinityTerm[] | undefined): readonly AffinityTerm[] {
  return list?.length ? list.map((t) => affinityTerm(namespace, t)) : none;
}

function weighted(
  namespace: string,
  list: ReadonlyArray<{ weight: number; podAffinityTerm: PodAffinityTerm }> | undefined,
): readonly WeightedAffinityTerm[] {
  return list?.length ? list.map((t) => ({ ...affinityTerm(namespace, t.podAffinityTerm), weight: t.weight })) : none;
}

/** PodInfo is built once per pod; the snapshot keeps PodInfos so existing pods are never re-parsed. */
export class PodInfo {
  readonly name: string;
  readonly namespace: string;
  /** key is `namespace/name`, the pod's identity in the snapshot. */
  readonly key: string;
  /** nodeName is spec.nodeName, set once the pod is bound or assumed. */
  readonly nodeName: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  /** requests: what NodeResourcesFit compares against allocatable (no defaults). */
  readonly requests: Resource;
  /** nonZeroRequests: requests with 100m/200MB for containers that name none, for LeastAllocated. */
  readonly nonZeroRequests: Resource;
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** hasAffinity: the pod has podAffinity or podAntiAffinity (NodeInfo.PodsWithAffinity). */
  readonly hasAffinity: boolean;

  /** parsed holds the requests as parsed, shared by the pods of one template and by a pod's assumed and bound copies. */
  private readonly parsed: ParsedRequests;

  /** source is the stored pod this was parsed from: the pod itself, or the unbound pod an assumed copy was made of. */
  readonly source: Pod;

  private constructor(
    readonly pod: Pod,
    base?: PodInfo,
  ) {
    this.source = base?.source ?? pod;
    this.name = pod.metadata.name ?? '';
    // The API server defaults an empty namespace to "default"; so do we.
    this.namespace = pod.metadata.namespace || 'default';
    this.key = base?.key ?? flatString(`${this.namespace}/${this.name}`);
    this.nodeName = pod.spec.nodeName || undefined;
    this.labels = pod.metadata.labels ?? {};
    const requests = base?.parsed ?? requestsOf(pod);
    this.parsed = requests;
    this.requests = requests.requests;
    this.nonZeroRequests = requests.nonZeroRequests;
    const affinity = pod.spec.affinity;
    this.requiredAffinityTerms = base?.requiredAffinityTerms ?? terms(this.namespace, affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.requiredAntiAffinityTerms =
      base?.requiredAntiAffinityTerms ?? terms(this.namespace, affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.preferredAffinityTerms =
      base?.preferredAffinityTerms ?? weighted(this.namespace, affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    this.preferredAntiAffinityTerms =
      base?.preferredAntiAffinityTerms ?? weighted(this.namespace, affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    this.hasAffinity = affinity?.podAffinity !== undefined || affinity?.podAntiAffinity !== undefined;
  }

  /** of parses a pod. */
  static of(pod: Pod): PodInfo {
    return new PodInfo(pod);
  }

  /** shapeId numbers the pod's requests: pods alike in them are judged alike by node-local plugins (score-memo.ts); worked out once per parsed requests. */
  get shapeId(): number {
    return (this.parsed.shape ??= shapeId(shapeText(this.requests, this.nonZeroRequests)));
  }

  /** terminating: the pod has a deletionTimestamp, so spreading ignores it. */
  get terminating(): boolean {
    return this.pod.metadata.deletionTimestamp !== undefined;
  }

  /** assumedOn is this pod with spec.nodeName set, sharing everything already parsed. */
  assumedOn(nodeName: string): PodInfo {
    return new PodInfo({ ...this.pod, spec: { ...this.pod.spec, nodeName } }, this);
  }

  /** boundAs is this assumed pod as the store now holds it, bound in place (the same object, spec.nodeName set), sharing what was parsed. */
  boundAs(pod: Pod): PodInfo {
    return new PodInfo(pod, this);
  }
}
