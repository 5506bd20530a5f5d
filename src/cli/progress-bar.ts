/** ProgressBar draws `[#####-----]  50% 500/1000 events` on a terminal, or a line per tenth elsewhere. */
export class ProgressBar {
  private lastDraw = 0;
  private lastTenth = -1;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {}

  update(done: number, force = false): void {
    const fraction = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const text = `${this.bar(fraction)} ${String(Math.floor(fraction * 100)).padStart(3)}% ${done}/${this.total} events`;
    if (this.out.isTTY) {
      const now = performance.now();
      if (!force && now - this.lastDraw < 80) return;
      this.lastDraw = now;
      this.out.write(`\r${text}`);
    } else {
      const tenth = Math.floor(fraction * 10);
      if (tenth === this.lastTenth && !force) return;
      this.lastTenth = tenth;
      this.out.write(`${text}\n`);
    }
  }

  finish(done: number): void {
    this.update(done, true);
    if (this.out.isTTY) this.out.write('\n');
  }

  private bar(fraction: number): string {
    const filled = Math.round(fraction * this.width);
    return `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}]`;
  }
}
