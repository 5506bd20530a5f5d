import { flatString } from './flat-string.js';

describe('flatString', () => {
  it.each(['', 'a', 'default/web-0', `${'x'.repeat(40)}${'y'.repeat(40)}`])('returns %j unchanged', (text) => {
    expect(flatString(text)).toBe(text);
  });

  it('never touches the prototype, whatever the text', () => {
    expect(flatString('__proto__')).toBe('__proto__');
    expect(flatString('constructor')).toBe('constructor');
  });
});
