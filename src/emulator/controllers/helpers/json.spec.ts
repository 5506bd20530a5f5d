import { SeededRandom } from '../../clock/seeded-random.js';
import { sameJson, stableJson } from './json.js';

/** randomValue builds JSON-like values with the corners stableJson cares about: undefined fields, nulls, key order. */
function randomValue(random: SeededRandom, depth: number): unknown {
  const pick = random.int(depth > 2 ? 5 : 8);
  if (pick === 0) return undefined;
  if (pick === 1) return null;
  if (pick === 2) return random.int(3);
  if (pick === 3) return ['a', 'b', ''][random.int(3)];
  if (pick === 4) return random.int(2) === 0;
  if (pick === 5) return Array.from({ length: random.int(3) }, () => randomValue(random, depth + 1));
  const keys = ['x', 'y', 'z'].filter(() => random.int(2) === 0);
  if (random.int(2) === 0) keys.reverse();
  return Object.fromEntries(keys.map((k) => [k, randomValue(random, depth + 1)]));
}

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: null }, { a: undefined }, false],
    [{ a: null }, {}, false],
    [[undefined], [null], true],
    [[1, 2], [2, 1], false],
    [{}, [], false],
    [undefined, null, true],
    [NaN, null, true],
    [0, -0, true],
    ['1', 1, false],
    [{ a: [{ b: 1 }] }, { a: [{ b: 1, c: undefined }] }, true],
  ])('%j against %j is %s, as their canonical JSON says', (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
    expect(stableJson(a) === stableJson(b)).toBe(same);
  });

  it('agrees with comparing canonical JSON on random values', () => {
    const random = new SeededRandom(7);
    for (let i = 0; i < 5000; i++) {
      const a = randomValue(random, 0);
      const b = random.int(3) === 0 ? JSON.parse(JSON.stringify(a ?? null)) : randomValue(random, 0);
      expect([i, sameJson(a, b)]).toEqual([i, stableJson(a) === stableJson(b)]);
    }
  });
});
