import fc from 'fast-check';
import { copyJson } from './copy-json.js';

describe('copyJson', () => {
  it('given any JSON value, then the copy equals what a JSON round trip gives, sharing no objects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copied = copyJson(value);
        expect(JSON.stringify(copied)).toBe(JSON.stringify(value));
        if (typeof value === 'object' && value !== null) expect(copied).not.toBe(value);
      }),
    );
  });

  it('keeps an own __proto__ key as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const copied = copyJson(value);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(JSON.stringify(copied)).toBe('{"__proto__":{"polluted":true}}');
  });

  it('drops undefined properties and turns undefined array slots into null, as JSON does', () => {
    expect(copyJson({ a: undefined, b: [undefined, 1], c: { d: undefined } })).toEqual(JSON.parse(JSON.stringify({ a: undefined, b: [undefined, 1], c: { d: undefined } })));
  });
});
