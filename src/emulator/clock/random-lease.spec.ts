import { RandomLease } from './random-lease.js';
import { SeededRandom } from './seeded-random.js';

describe('RandomLease', () => {
  it('gives back the draws of a failed command, so the next command draws the same ids', () => {
    const shared = new SeededRandom(42);
    const failed = new RandomLease(shared);
    const id = failed.chars(8);
    failed.giveBack();
    expect(new RandomLease(shared).chars(8)).toBe(id);
  });

  it('never gives back draws another command made after it: concurrent commands never share numbers', () => {
    const shared = new SeededRandom(42);
    const a = new RandomLease(shared);
    const b = new RandomLease(shared);
    const fromA = a.chars(8);
    const fromB = b.chars(8);
    a.giveBack();
    expect(fromA).not.toBe(fromB);
    expect(new RandomLease(shared).chars(8)).not.toBe(fromB);
    expect(shared.draws).toBe(24);
  });
});
