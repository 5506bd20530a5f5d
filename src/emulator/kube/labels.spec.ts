import { matchesLabels, matchesSelector, parseSelector } from './labels.js';

const labels = { app: 'web', tier: 'frontend', env: 'prod' };

describe('label selectors', () => {
  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'db' } }, false],
    [{ matchExpressions: [{ key: 'env', operator: 'In' as const, values: ['prod', 'qa'] }] }, true],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn' as const, values: ['prod'] }] }, false],
    [{ matchExpressions: [{ key: 'missing', operator: 'NotIn' as const, values: ['x'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' as const }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' as const }] }, false],
    [{}, true],
    [undefined, false],
  ])('%j matches: %s', (selector, expected) => {
    expect(matchesSelector(selector, labels)).toBe(expected);
  });

  it('matches a map selector only when every pair is present, and never when empty', () => {
    expect(matchesLabels({ app: 'web', tier: 'frontend' }, labels)).toBe(true);
    expect(matchesLabels({ app: 'web', tier: 'backend' }, labels)).toBe(false);
    expect(matchesLabels({}, labels)).toBe(false);
  });

  it('parses kubectl selector syntax', () => {
    expect(parseSelector('app=web,tier!=db,env in (prod, qa),!legacy,track')).toEqual([
      { key: 'app', operator: 'In', values: ['web'] },
      { key: 'tier', operator: 'NotIn', values: ['db'] },
      { key: 'env', operator: 'In', values: ['prod', 'qa'] },
      { key: 'legacy', operator: 'DoesNotExist' },
      { key: 'track', operator: 'Exists' },
    ]);
    expect(parseSelector('app=')).toEqual([{ key: 'app', operator: 'In', values: [''] }]);
    expect(parseSelector('a b c')).toBe('unable to parse requirement: "a b c"');
  });
});
