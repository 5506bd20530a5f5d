import { RandomSource, type SeededRandom } from './seeded-random.js';

/** RandomLease is one command's draws from a shared generator; a command that fails can give them back. */
export class RandomLease extends RandomSource {
  private start: number | undefined;
  private end: number | undefined;

  constructor(private readonly shared: SeededRandom) {
    super();
  }

  get draws(): number {
    return this.shared.draws;
  }

  /** used says whether this lease has drawn anything. */
  get used(): boolean {
    return this.start !== undefined;
  }

  next(): number {
    this.start ??= this.shared.draws;
    const value = this.shared.next();
    this.end = this.shared.draws;
    return value;
  }

  /** giveBack rewinds the generator if nothing else drew since this lease's last draw. */
  giveBack(): void {
    if (this.start !== undefined && this.shared.draws === this.end) this.shared.rewindTo(this.start);
    this.start = this.end = undefined;
  }
}
