/** NodeTable: the numbers Filter and Score read for every node, row by row in one Float64Array. */

/** COL names the offsets of a node's numbers within its row. */
export const COL = {
  ALLOC_CPU: 0,
  ALLOC_MEMORY: 1,
  ALLOC_EPHEMERAL: 2,
  ALLOWED_PODS: 3,
  REQ_CPU: 4,
  REQ_MEMORY: 5,
  REQ_EPHEMERAL: 6,
  NON_ZERO_CPU: 7,
  NON_ZERO_MEMORY: 8,
  POD_COUNT: 9,
} as const;
const ROW = 10;

// A pass over 500 nodes reads rows in order instead of chasing a NodeInfo, three Resource objects and boxed
// doubles per node, which halved Filter and Score time in bench/scheduler-core.bench.ts.
/** NodeTable holds one row of numbers per node (allocatable, requested, non-zero requested, pod count). */
export class NodeTable {
  /** data is replaced when the table grows; readers must not keep it across calls that add nodes. */
  data: Float64Array;
  private readonly free: number[] = [];
  private used = 0;

  constructor(capacity = 1) {
    this.data = new Float64Array(Math.max(1, capacity) * ROW);
  }

  /** allocate returns the offset of a zeroed row. */
  allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) {
      this.data.fill(0, reused, reused + ROW);
      return reused;
    }
    if (this.used + ROW > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const row = this.used;
    this.used += ROW;
    return row;
  }

  /** release gives a row back for reuse. */
  release(row: number): void {
    this.free.push(row);
  }

  /** copyRow copies a row of this table into a row of another. */
  copyRow(row: number, to: NodeTable, toRow: number): void {
    to.data.set(this.data.subarray(row, row + ROW), toRow);
  }
}
