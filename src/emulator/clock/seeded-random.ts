/** RandomSource is what simulation code draws from: `next` in [0, 1), and shapes built on it. */
export abstract class RandomSource {
  abstract readonly draws: number;
  abstract next(): number;

  /** int returns an integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** chars returns `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

/** SeededRandom is a counter-based generator: draw n of seed s is always the same number. */
export class SeededRandom extends RandomSource {
  constructor(
    readonly seed: number,
    private drawn = 0,
  ) {
    super();
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be an unsigned 32-bit integer, got ${seed}`);
    }
  }

  /** draws is how many numbers have been taken; the log records it so a restart continues the sequence. */
  get draws(): number {
    return this.drawn;
  }

  /** next returns a number in [0, 1). */
  next(): number {
    this.drawn++;
    let z = (this.seed + Math.imul(this.drawn, 0x9e3779b9)) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 0x100000000;
  }

  /** rewindTo puts the generator back to an earlier position, as if the draws since had not happened. */
  rewindTo(draws: number): void {
    if (draws > this.drawn) throw new RangeError(`cannot rewind forward from ${this.drawn} to ${draws}`);
    this.drawn = draws;
  }
}

/** seedFromText turns any text into a 32-bit seed (FNV-1a), so seeds can be words. */
export function seedFromText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
