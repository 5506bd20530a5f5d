import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { queryLimitsRule } from './query-limits.js';

const schema = buildSchema(`
  type Query { tree: Tree, trees(first: Int): [Tree!]! }
  type Tree { name: String, child: Tree, children(first: Int): [Tree!]! }
`);

const errorsOf = (query: string, maxDepth = 3, maxCost = 100): string[] =>
  validate(schema, parse(query), [...specifiedRules, queryLimitsRule(maxDepth, maxCost)]).map((e) => e.message);

describe('query limits', () => {
  it.each([
    ['{ tree { child { name } } }', []],
    ['{ tree { child { child { name } } } }', ['Query depth 4 exceeds the maximum of 3.']],
    ['query { ...deep } fragment deep on Query { tree { child { child { child { name } } } } }', ['Query depth 5 exceeds the maximum of 3.']],
    ['{ tree { ... on Tree { child { child { name } } } } }', ['Query depth 4 exceeds the maximum of 3.']],
  ])('measures the depth of %s', (query, expected) => {
    expect(errorsOf(query)).toEqual(expected);
  });

  it('multiplies the cost of a list by `first`, or an estimate of 10 without it', () => {
    expect(errorsOf('{ trees(first: 5) { name } }')).toEqual([]);
    expect(errorsOf('{ trees(first: 50) { name children { name } } }')).toEqual(['Query cost 601 exceeds the maximum of 100.']);
  });

  it('does not count introspection', () => {
    expect(errorsOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual([]);
  });
});
