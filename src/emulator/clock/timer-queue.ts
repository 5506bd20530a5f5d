/** Timer is one scheduled callback on a virtual clock. */
export interface Timer {
  readonly id: number;
  readonly dueAt: number;
  readonly label: string;
}

interface Entry extends Timer {
  readonly seq: number;
  readonly fire: (at: number) => void | Promise<void>;
}

/** TimerQueue is a binary min-heap of timers ordered by due time, then by insertion order. */
export class TimerQueue {
  private heap: Entry[] = [];
  private cancelled = new Set<number>();
  private seq = 0;

  get size(): number {
    return this.heap.length - this.cancelled.size;
  }

  push(dueAt: number, label: string, fire: Entry['fire']): Timer {
    const entry: Entry = { id: ++this.seq, seq: this.seq, dueAt, label, fire };
    this.heap.push(entry);
    this.siftUp(this.heap.length - 1);
    return entry;
  }

  cancel(timer: Timer): void {
    if (this.heap.some((e) => e.id === timer.id)) this.cancelled.add(timer.id);
  }

  peek(): Entry | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  pop(): Entry | undefined {
    this.dropCancelled();
    return this.take();
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.take();
    }
  }

  private take(): Entry | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private before(a: Entry, b: Entry): boolean {
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(this.heap[i], this.heap[parent])) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && this.before(this.heap[left], this.heap[smallest])) smallest = left;
      if (right < this.heap.length && this.before(this.heap[right], this.heap[smallest])) smallest = right;
      if (smallest === i) return;
      [this.heap[i], this.heap[smallest]] = [this.heap[smallest], this.heap[i]];
      i = smallest;
    }
  }
}
