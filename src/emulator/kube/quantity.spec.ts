import { integerValue, isQuantity, milliValue, parseQuantity } from './quantity.js';

describe('quantities', () => {
  it.each([
    ['200m', 200],
    ['2', 2000],
    ['0.5', 500],
    ['1.5', 1500],
    ['100u', 1],
    [1, 1000],
  ])('cpu %s is %d millicores', (text, millis) => {
    expect(milliValue(text)).toBe(millis);
  });

  it.each([
    ['10Gi', 10 * 2 ** 30],
    ['200Mi', 200 * 2 ** 20],
    ['128974848', 128974848],
    ['129e6', 129e6],
    ['129M', 129e6],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['4194304Ki', 4 * 2 ** 30],
  ])('memory %s is %d bytes', (text, bytes) => {
    expect(integerValue(text)).toBe(bytes);
  });

  it.each(['2x', '', 'Gi', '1..0', '1Qi', 'abc', '-'])('rejects %j', (text) => {
    expect(isQuantity(text)).toBe(false);
    expect(parseQuantity(text)).toBeUndefined();
  });
});
