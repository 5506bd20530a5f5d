import { SeededRandom } from '../clock/index.js';
import { ClusterSnapshot } from './cluster-snapshot.js';
import { schedule } from './scheduler.js';
import { makeNode, makePod } from './testing/fixtures.js';

describe('the explanation of an attempt', () => {
  const cluster = () =>
    ClusterSnapshot.of(
      [makeNode('small', { cpu: '1' }), makeNode('empty'), makeNode('busy')],
      [makePod('existing', { cpu: '2', nodeName: 'busy' })],
    );

  it('lists rejected nodes, per-plugin raw and weighted scores, totals and the choice', () => {
    const result = schedule(makePod('p', { cpu: '2', memory: '1Gi' }), cluster(), { random: new SeededRandom(1), explain: true });
    expect(result.outcome).toBe('Scheduled');
    expect(result.explanation).toEqual({
      nodeName: 'empty',
      filtered: [{ node: 'small', plugin: 'NodeResourcesFit', reason: 'Insufficient cpu' }],
      scores: [
        { node: 'empty', plugin: 'TaintToleration', score: 0, finalScore: 300 },
        { node: 'busy', plugin: 'TaintToleration', score: 0, finalScore: 300 },
        { node: 'empty', plugin: 'NodeResourcesFit', score: 68, finalScore: 68 },
        { node: 'busy', plugin: 'NodeResourcesFit', score: 42, finalScore: 42 },
        { node: 'empty', plugin: 'NodeResourcesBalancedAllocation', score: 81, finalScore: 81 },
        { node: 'busy', plugin: 'NodeResourcesBalancedAllocation', score: 56, finalScore: 56 },
      ],
      finalScores: [
        { node: 'empty', score: 449 },
        { node: 'busy', score: 398 },
      ],
    });
  });

  it('records a PreFilter rejection and no per-node entries', () => {
    const conflict = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: ['a'] }, { key: 'metadata.name', operator: 'In' as const, values: ['b'] }] }] } } };
    const result = schedule(makePod('p', { affinity: conflict }), cluster(), { random: new SeededRandom(1), explain: true });
    expect(result.explanation).toEqual({ preFilter: { plugin: 'NodeAffinity', reason: 'pod affinity terms conflict' }, filtered: [], scores: [], finalScores: [] });
  });

  it('does not change the choice: the same seed picks the same nodes with and without it', () => {
    const run = (explain: boolean) => {
      const snapshot = ClusterSnapshot.of(Array.from({ length: 30 }, (_, i) => makeNode(`n${i}`, { cpu: `${2 + (i % 3)}` })));
      const random = new SeededRandom(11);
      return Array.from({ length: 60 }, (_, i) => schedule(makePod(`p${i}`, { cpu: '300m', memory: `${100 + (i % 5) * 100}Mi` }), snapshot, { random, explain }))
        .map((r) => (r.outcome === 'Scheduled' ? r.nodeName : r.outcome));
    };
    expect(run(true)).toEqual(run(false));
  });

  it('is absent unless asked for', () => {
    expect(schedule(makePod('p'), cluster(), { random: new SeededRandom(1) }).explanation).toBeUndefined();
  });
});
