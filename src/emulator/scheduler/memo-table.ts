/**
 * MemoTable: what the score memo remembers of each node, in typed arrays indexed by the node's place in the snapshot's
 * node list (its slot). A cycle that reads 500 remembered answers then reads a few small arrays in order instead of
 * 500 NodeInfo objects spread over the heap. A node whose numbers change forgets its answers at once (`forget`), so an
 * answer found under the cycle's key is always current.
 */
export class MemoTable {
  /** filterKey is the memo context the node's filter verdict holds for (0: none). */
  readonly filterKey: Int32Array;
  /** failedAt is the index of the filter that turned the node away, or -1 when every filter passed. */
  readonly failedAt: Int32Array;
  /** verdicts holds the rejecting Status at the slots of rejected nodes (unknown here: the framework imports this file's users). */
  readonly verdicts: unknown[];
  /** scoreKey is the memo context the node's score sum holds for (0: none). */
  readonly scoreKey: Int32Array;
  /** sum is the node's weighted sum of node-local scores. */
  readonly sum: Float64Array;

  constructor(readonly size: number) {
    this.filterKey = new Int32Array(size);
    this.failedAt = new Int32Array(size);
    this.verdicts = new Array<unknown>(size).fill(undefined);
    this.scoreKey = new Int32Array(size);
    this.sum = new Float64Array(size);
  }

  /** forget drops a node's answers: what its pods request has changed. */
  forget(slot: number): void {
    this.filterKey[slot] = 0;
    this.scoreKey[slot] = 0;
  }
}
