/** ClusterSnapshot: the scheduler's cache of nodes and the pods on them (cache.Snapshot with its nodeTree order). */
import { LABEL_REGION, LABEL_ZONE, type LabelSelector, type Labels, type Node, type ObjectStore, type Pod } from '../kube/index.js';
import type { DiskView } from '../storage/cbs.js';
import { MemoTable } from './memo-table.js';
import { NodeInfo } from './node-info.js';
import { NodeTable } from './node-table.js';
import { PodInfo } from './pod-info.js';

/** zoneKey is utilnode.GetZoneKey: region and zone, or "" for nodes with neither. */
export function zoneKey(labels: Labels): string {
  const zone = labels?.[LABEL_ZONE] ?? labels?.['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = labels?.[LABEL_REGION] ?? labels?.['failure-domain.beta.kubernetes.io/region'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/** VolumeContext is what the volume plugins read besides nodes and pods: the cluster's objects and the account's CBS disks. */
export interface VolumeContext {
  readonly store: ObjectStore;
  readonly disks: ReadonlyMap<string, DiskView>;
}

/** ClusterSnapshot is the scheduler's cache: NodeInfos listed zone by zone, round-robin, as kube-scheduler's nodeTree. */
export class ClusterSnapshot {
  private readonly table = new NodeTable(64);
  private readonly byName = new Map<string, NodeInfo>();
  private readonly zones = new Map<string, NodeInfo[]>();
  /** podInfos holds each accounted pod's PodInfo by key; its node is the one its nodeName names. */
  private readonly podInfos = new Map<string, PodInfo>();
  private ordered: NodeInfo[] | undefined;
  private memoTable: MemoTable | undefined;
  private affinityPods = 0;
  private antiAffinityPods = 0;
  private cordoned = 0;
  private tainted = 0;
  private withTaints = 0;
  /** namespaces holds namespace labels, for affinity terms with a namespaceSelector. */
  readonly namespaces = new Map<string, Readonly<Record<string, string>>>();
  /** defaultSpreadSelector gives a pod's Services/controllers selector, enabling default topology spreading (unset: none). */
  defaultSpreadSelector?: (pod: PodInfo) => LabelSelector | undefined;
  /** volumes lets the volume plugins read claims, PVs, classes and CBS disks (unset: they skip every pod). */
  volumes?: VolumeContext;

  /** of builds a snapshot from nodes and their bound pods; like kube-scheduler's informer it ignores Succeeded and Failed pods. */
  static of(nodes: readonly Node[], pods: readonly Pod[] = []): ClusterSnapshot {
    const snapshot = new ClusterSnapshot();
    for (const node of nodes) snapshot.addNode(node);
    for (const pod of pods) {
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (pod.spec.nodeName && !terminal) snapshot.addPod(PodInfo.of(pod));
    }
    return snapshot;
  }

  /** nodes lists every NodeInfo in kube-scheduler's order: one node per zone in turn. */
  get nodes(): readonly NodeInfo[] {
    return this.ordered ?? this.order();
  }

  /** memo is the score memo's table for the current node list: slot i is nodes[i]. */
  get memo(): MemoTable {
    if (!this.ordered) this.order();
    return this.memoTable!;
  }

  /** size is the number of nodes. */
  get size(): number {
    return this.byName.size;
  }

  /** get finds a node by name. */
  get(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  /** addNode adds a node, or replaces it (labels, taints, allocatable) keeping its pods and its place. */
  addNode(node: Node): NodeInfo {
    const info = new NodeInfo(node, this.table);
    const old = this.byName.get(info.name);
    const key = zoneKey(info.labels);
    if (old) {
      for (const pod of old.pods) info.addPod(pod);
      const oldKey = zoneKey(old.labels);
      const oldZone = this.zones.get(oldKey)!;
      if (oldKey === key) oldZone[oldZone.indexOf(old)] = info;
      else this.leaveZone(oldKey, old);
      old.detach();
    }
    if (!old || zoneKey(old.labels) !== key) {
      const zone = this.zones.get(key);
      if (zone) zone.push(info);
      else this.zones.set(key, [info]);
    }
    this.byName.set(info.name, info);
    this.count(old, -1);
    this.count(info, 1);
    this.ordered = undefined;
    return info;
  }

  /** removeNode drops a node and forgets its pods. */
  removeNode(name: string): boolean {
    const info = this.byName.get(name);
    if (!info) return false;
    for (const pod of [...info.pods]) this.removePod(pod.key);
    this.byName.delete(name);
    this.count(info, -1);
    this.leaveZone(zoneKey(info.labels), info);
    info.detach();
    this.ordered = undefined;
    return true;
  }

  /** addPod accounts a pod on the node named by its spec.nodeName (AssumePod or a bound pod), in O(1). */
  addPod(pod: PodInfo): void {
    const info = pod.nodeName === undefined ? undefined : this.byName.get(pod.nodeName);
    if (!info) throw new Error(`pod ${pod.key}: node ${JSON.stringify(pod.nodeName)} is not in the snapshot`);
    if (this.podInfos.has(pod.key)) throw new Error(`pod ${pod.key} is already on node ${this.podInfos.get(pod.key)!.nodeName}`);
    this.place(pod, info);
  }

  /** assume puts a pod on a node, as the scheduler cache does before binding; returns the assumed PodInfo. */
  assume(pod: PodInfo, nodeName: string): PodInfo {
    const assumed = pod.assumedOn(nodeName);
    this.addPod(assumed);
    return assumed;
  }

  /** removePod forgets a pod (`namespace/name`) wherever it is; false if it was not known. */
  removePod(key: string): boolean {
    const pod = this.podInfos.get(key);
    const info = this.nodeOf(key);
    if (!info || !pod) return false;
    info.removePod(pod);
    this.podInfos.delete(key);
    if (pod.hasAffinity) this.affinityPods--;
    if (pod.requiredAntiAffinityTerms.length > 0) this.antiAffinityPods--;
    return true;
  }

  /** replacePod swaps a pod's PodInfo for another of the same pod on the same node with the same parsed requests and affinity (boundAs). */
  replacePod(next: PodInfo): void {
    const info = this.nodeOf(next.key);
    const old = this.podInfos.get(next.key);
    if (!info || !old || old.nodeName !== next.nodeName || old.requests !== next.requests) throw new Error(`pod ${next.key}: no PodInfo to replace on ${next.nodeName}`);
    info.replacePod(old, next);
    this.podInfos.set(next.key, next);
  }

  /** podInfo returns what the snapshot accounts for a pod (`namespace/name`), if anything. */
  podInfo(key: string): PodInfo | undefined {
    return this.podInfos.get(key);
  }

  /** nodeOf returns the node a pod (`namespace/name`) is on. */
  nodeOf(key: string): NodeInfo | undefined {
    const nodeName = this.podInfos.get(key)?.nodeName;
    return nodeName === undefined ? undefined : this.byName.get(nodeName);
  }

  /** anyUnschedulable: some node is cordoned (spec.unschedulable). */
  get anyUnschedulable(): boolean {
    return this.cordoned > 0;
  }

  /** anyTaints: some node has a taint of any effect. */
  get anyTaints(): boolean {
    return this.withTaints > 0;
  }

  /** anyDoNotScheduleTaints: some node has a NoSchedule or NoExecute taint. */
  get anyDoNotScheduleTaints(): boolean {
    return this.tainted > 0;
  }

  /** anyPodsWithAffinity: some pod carries podAffinity or podAntiAffinity. */
  get anyPodsWithAffinity(): boolean {
    return this.affinityPods > 0;
  }

  /** anyPodsWithRequiredAntiAffinity: some pod carries required anti-affinity terms. */
  get anyPodsWithRequiredAntiAffinity(): boolean {
    return this.antiAffinityPods > 0;
  }

  /** havePodsWithAffinity lists nodes with pods carrying (anti-)affinity; free when there are none. */
  havePodsWithAffinity(): readonly NodeInfo[] {
    return this.affinityPods === 0 ? [] : this.nodes.filter((n) => n.podsWithAffinity.length > 0);
  }

  /** havePodsWithRequiredAntiAffinity lists nodes with pods carrying required anti-affinity. */
  havePodsWithRequiredAntiAffinity(): readonly NodeInfo[] {
    return this.antiAffinityPods === 0 ? [] : this.nodes.filter((n) => n.podsWithRequiredAntiAffinity.length > 0);
  }

  /** order lists the nodes round-robin by zone and gives each its slot in a fresh memo table (a node's place may have moved). */
  private order(): NodeInfo[] {
    const ordered = roundRobin([...this.zones.values()]);
    const table = new MemoTable(ordered.length);
    for (let i = 0; i < ordered.length; i++) {
      ordered[i].memoSlot = i;
      ordered[i].memoTable = table;
    }
    this.memoTable = table;
    return (this.ordered = ordered);
  }

  private count(info: NodeInfo | undefined, sign: number): void {
    if (info?.unschedulable) this.cordoned += sign;
    if (info?.hasDoNotScheduleTaints) this.tainted += sign;
    if (info && info.taints.length > 0) this.withTaints += sign;
  }

  private leaveZone(key: string, info: NodeInfo): void {
    const zone = this.zones.get(key)!;
    zone.splice(zone.indexOf(info), 1);
    if (zone.length === 0) this.zones.delete(key);
  }

  private place(pod: PodInfo, info: NodeInfo): void {
    info.addPod(pod);
    this.podInfos.set(pod.key, pod);
    if (pod.hasAffinity) this.affinityPods++;
    if (pod.requiredAntiAffinityTerms.length > 0) this.antiAffinityPods++;
  }
}

function roundRobin(zones: NodeInfo[][]): NodeInfo[] {
  const out: NodeInfo[] = [];
  const longest = Math.max(0, ...zones.map((z) => z.length));
  for (let i = 0; i < longest; i++) for (const zone of zones) if (i < zone.length) out.push(zone[i]);
  return out;
}
