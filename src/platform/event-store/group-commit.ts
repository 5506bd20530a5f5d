/** GroupCommitOptions bound a batch: at most `maxBatch` requests, gathered for at most `maxWaitMs`. */
export interface GroupCommitOptions {
  readonly maxBatch: number;
  /** 0 gathers what arrives within the current turn of the event loop. */
  readonly maxWaitMs: number;
}

interface Pending<Req, Res> {
  readonly request: Req;
  resolve(result: Res): void;
  reject(error: unknown): void;
}

/** GroupCommit makes concurrent writers share one transaction: one commit in flight, the next batch forming behind it. */
export class GroupCommit<Req, Res> {
  private pending: Array<Pending<Req, Res>> = [];
  private timer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | undefined;
  private flushing = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly commit: (batch: Req[]) => Promise<Array<Res | Error>>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** submit resolves once the request's batch has committed durably. */
  submit(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** drained resolves when nothing is pending or committing. */
  drained(): Promise<void> {
    if (!this.flushing && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.flushing) return;
    if (this.pending.length >= this.options.maxBatch) {
      this.clearTimer();
      void this.flush();
    } else if (!this.timer) {
      this.timer =
        this.options.maxWaitMs > 0
          ? setTimeout(() => void this.flush(), this.options.maxWaitMs)
          : setImmediate(() => void this.flush());
    }
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer as ReturnType<typeof setTimeout>);
      clearImmediate(this.timer as ReturnType<typeof setImmediate>);
    }
    this.timer = undefined;
  }

  private async flush(): Promise<void> {
    this.clearTimer();
    if (this.flushing) return;
    this.flushing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      try {
        const results = await this.commit(batch.map((p) => p.request));
        batch.forEach((p, i) => (results[i] instanceof Error ? p.reject(results[i]) : p.resolve(results[i] as Res)));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    this.flushing = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
