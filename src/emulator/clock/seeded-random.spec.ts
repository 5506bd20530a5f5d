import { SeededRandom, seedFromText } from './seeded-random.js';

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    expect(Array.from({ length: 5 }, () => a.chars(8))).toEqual(Array.from({ length: 5 }, () => b.chars(8)));
  });

  it('continues a sequence from a recorded number of draws', () => {
    const first = new SeededRandom(7);
    first.chars(16);
    const resumed = new SeededRandom(7, first.draws);
    expect(resumed.next()).toBe(first.next());
  });

  it('rewinds to an earlier position and draws the same numbers again', () => {
    const random = new SeededRandom(1);
    const first = random.chars(8);
    random.rewindTo(0);
    expect(random.chars(8)).toBe(first);
    expect(() => random.rewindTo(9)).toThrow(RangeError);
  });

  it('spreads draws over the whole range', () => {
    const random = new SeededRandom(seedFromText('tkesim'));
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[random.int(10)]++;
    expect(Math.min(...buckets)).toBeGreaterThan(900);
    expect(Math.max(...buckets)).toBeLessThan(1_100);
  });

  it('rejects a seed that is not an unsigned 32-bit integer', () => {
    expect(() => new SeededRandom(-1)).toThrow('seed must be an unsigned 32-bit integer');
  });
});
