/** NodeInfo: one node and the pods on it, with requested resources summed incrementally (framework.NodeInfo). */
import type { Node, Taint } from '../kube/index.js';
import { COL as col, NodeTable } from './node-table.js';
import type { MemoTable } from './memo-table.js';
import type { PodInfo } from './pod-info.js';
import { Resource } from './resource.js';

const noTaints: readonly Taint[] = Object.freeze([]);

function addScalars(into: Map<string, number> | undefined, from: Map<string, number> | undefined, sign: number): Map<string, number> | undefined {
  if (!from) return into;
  const out = into ?? new Map<string, number>();
  for (const [name, v] of from) out.set(name, (out.get(name) ?? 0) + sign * v);
  return out;
}

/** NodeInfo is one node and its pods; its numbers live in a NodeTable row (the snapshot's, or its own). */
export class NodeInfo {
  /** memoSlot is the node's place in its snapshot's node list and memo table (-1 until the list is built). */
  memoSlot = -1;
  /** memoTable holds the score memo's answers for this node (see memo-table.ts); told to forget them when the node changes. */
  memoTable: MemoTable | undefined = undefined;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
  /** hasDoNotScheduleTaints: some taint has effect NoSchedule or NoExecute. */
  readonly hasDoNotScheduleTaints: boolean;
  /** allocatableScalar holds extended resources (`example.com/gpu`, hugepages). */
  readonly allocatableScalar: ReadonlyMap<string, number> | undefined;
  /** requestedScalar sums the pods' extended-resource requests. */
  requestedScalar: Map<string, number> | undefined;
  readonly pods: PodInfo[] = [];
  /** podsWithAffinity are the pods with podAffinity or podAntiAffinity. */
  readonly podsWithAffinity: PodInfo[] = [];
  /** podsWithRequiredAntiAffinity are the pods with required anti-affinity terms. */
  readonly podsWithRequiredAntiAffinity: PodInfo[] = [];
  private table: NodeTable;
  private row: number;

  constructor(
    readonly node: Node,
    table?: NodeTable,
  ) {
    this.name = node.metadata.name ?? '';
    this.labels = node.metadata.labels ?? {};
    this.taints = node.spec.taints ?? noTaints;
    this.unschedulable = node.spec.unschedulable === true;
    this.hasDoNotScheduleTaints = this.taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    this.table = table ?? new NodeTable();
    this.row = this.table.allocate();
    const allocatable = Resource.fromList(node.status?.allocatable);
    const d = this.table.data;
    d[this.row + col.ALLOC_CPU] = allocatable.milliCPU;
    d[this.row + col.ALLOC_MEMORY] = allocatable.memory;
    d[this.row + col.ALLOC_EPHEMERAL] = allocatable.ephemeralStorage;
    d[this.row + col.ALLOWED_PODS] = allocatable.allowedPodNumber;
    this.allocatableScalar = allocatable.scalar;
  }

  /** allocatableMilliCPU is status.allocatable.cpu in millicores. */
  get allocatableMilliCPU(): number {
    return this.table.data[this.row + col.ALLOC_CPU];
  }
  /** allocatableMemory is status.allocatable.memory in bytes. */
  get allocatableMemory(): number {
    return this.table.data[this.row + col.ALLOC_MEMORY];
  }
  /** allocatableEphemeralStorage is status.allocatable["ephemeral-storage"] in bytes. */
  get allocatableEphemeralStorage(): number {
    return this.table.data[this.row + col.ALLOC_EPHEMERAL];
  }
  /** allowedPodNumber is status.allocatable.pods. */
  get allowedPodNumber(): number {
    return this.table.data[this.row + col.ALLOWED_PODS];
  }
  /** requestedMilliCPU sums the pods' cpu requests. */
  get requestedMilliCPU(): number {
    return this.table.data[this.row + col.REQ_CPU];
  }
  /** requestedMemory sums the pods' memory requests. */
  get requestedMemory(): number {
    return this.table.data[this.row + col.REQ_MEMORY];
  }
  /** requestedEphemeralStorage sums the pods' ephemeral-storage requests. */
  get requestedEphemeralStorage(): number {
    return this.table.data[this.row + col.REQ_EPHEMERAL];
  }
  /** nonZeroRequestedMilliCPU counts 100m for containers without a cpu request. */
  get nonZeroRequestedMilliCPU(): number {
    return this.table.data[this.row + col.NON_ZERO_CPU];
  }
  /** nonZeroRequestedMemory counts 200MB for containers without a memory request. */
  get nonZeroRequestedMemory(): number {
    return this.table.data[this.row + col.NON_ZERO_MEMORY];
  }
  /** podCount is the number of pods on the node. */
  get podCount(): number {
    return this.table.data[this.row + col.POD_COUNT];
  }

  /** allocatable is a copy of the node's allocatable resources. */
  get allocatable(): Resource {
    return this.resource(col.ALLOC_CPU, col.ALLOC_MEMORY, col.ALLOC_EPHEMERAL, col.ALLOWED_PODS, this.allocatableScalar);
  }
  /** requested is a copy of the summed pod requests. */
  get requested(): Resource {
    return this.resource(col.REQ_CPU, col.REQ_MEMORY, col.REQ_EPHEMERAL, undefined, this.requestedScalar);
  }

  /** addPod accounts a pod on this node in O(1). */
  addPod(pod: PodInfo): void {
    this.pods.push(pod);
    this.account(pod, 1);
    if (pod.hasAffinity) this.podsWithAffinity.push(pod);
    if (pod.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity.push(pod);
  }

  /** replacePod puts `next` where `old` was: the same pod, re-read, accounting exactly what it did (shared requests and affinity). */
  replacePod(old: PodInfo, next: PodInfo): void {
    const swap = (list: PodInfo[]) => {
      const i = list.indexOf(old);
      if (i >= 0) list[i] = next;
    };
    swap(this.pods);
    swap(this.podsWithAffinity);
    swap(this.podsWithRequiredAntiAffinity);
  }

  /** removePod takes a pod off this node; false if it was not here. */
  removePod(pod: PodInfo): boolean {
    const i = this.pods.indexOf(pod);
    if (i < 0) return false;
    this.pods.splice(i, 1);
    this.account(pod, -1);
    remove(this.podsWithAffinity, pod);
    remove(this.podsWithRequiredAntiAffinity, pod);
    return true;
  }

  /** detach moves this node's row into a table of its own, when the snapshot that held it lets it go. */
  detach(): void {
    this.memoTable = undefined;
    this.memoSlot = -1;
    const own = new NodeTable();
    const row = own.allocate();
    this.table.copyRow(this.row, own, row);
    this.table.release(this.row);
    this.table = own;
    this.row = row;
  }

  private account(pod: PodInfo, sign: number): void {
    const d = this.table.data;
    const r = this.row;
    // What the node's pods request changes (kube-scheduler bumps NodeInfo.Generation here): its remembered answers go.
    this.memoTable?.forget(this.memoSlot);
    d[r + col.REQ_CPU] += sign * pod.requests.milliCPU;
    d[r + col.REQ_MEMORY] += sign * pod.requests.memory;
    d[r + col.REQ_EPHEMERAL] += sign * pod.requests.ephemeralStorage;
    d[r + col.NON_ZERO_CPU] += sign * pod.nonZeroRequests.milliCPU;
    d[r + col.NON_ZERO_MEMORY] += sign * pod.nonZeroRequests.memory;
    d[r + col.POD_COUNT] += sign;
    this.requestedScalar = addScalars(this.requestedScalar, pod.requests.scalar, sign);
  }

  private resource(cpu: number, memory: number, ephemeral: number, pods: number | undefined, scalar: ReadonlyMap<string, number> | undefined): Resource {
    const d = this.table.data;
    const r = new Resource();
    r.milliCPU = d[this.row + cpu];
    r.memory = d[this.row + memory];
    r.ephemeralStorage = d[this.row + ephemeral];
    r.allowedPodNumber = pods === undefined ? 0 : d[this.row + pods];
    if (scalar) for (const [name, v] of scalar) r.setScalar(name, v);
    return r;
  }
}

function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}
