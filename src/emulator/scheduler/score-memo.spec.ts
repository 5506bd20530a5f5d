import fc from 'fast-check';
import { SeededRandom } from '../clock/index.js';
import { ClusterSnapshot } from './cluster-snapshot.js';
import { schedule } from './scheduler.js';
import { makeNode, makePod } from './testing/fixtures.js';

const SHAPES = [
  { cpu: '100m', memory: '100Mi' },
  { cpu: '250m', memory: '512Mi' },
  { cpu: '1', memory: '64Mi' },
  { cpu: '50m' },
  {},
] as const;

/** run places the pods in order on a fresh cluster, remembering node-local scores unless `explain` turns the memo off. */
function run(nodeCpus: readonly number[], pods: ReadonlyArray<{ shape: number; remove: number | undefined }>, explain: boolean) {
  const snapshot = ClusterSnapshot.of(nodeCpus.map((cpu, i) => makeNode(`n${i}`, { cpu: `${cpu}`, memory: `${cpu * 2}Gi` })));
  const random = new SeededRandom(7);
  const placed: string[] = [];
  const scheduled: Array<ReturnType<typeof schedule>> = [];
  let startIndex = 0;
  pods.forEach(({ shape, remove }, i) => {
    // Now and then a pod leaves its node, which changes that node's numbers (and so its generation) between cycles.
    const gone = remove === undefined ? undefined : scheduled[remove % Math.max(1, scheduled.length)];
    if (gone?.outcome === 'Scheduled' && gone.assumed && snapshot.podInfo(gone.assumed.key)) snapshot.removePod(gone.assumed.key);
    const result = schedule(makePod(`p${i}`, SHAPES[shape]), snapshot, { random, startIndex, explain });
    scheduled.push(result);
    placed.push(result.outcome === 'Scheduled' ? result.nodeName : result.message);
    startIndex = result.nextStartIndex;
  });
  return { placed, draws: random.draws };
}

describe('score memo', () => {
  it('given any cluster and any run of pods, when node-local scores are remembered, then every placement and draw is the one full scoring gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 120 }),
        fc.array(fc.record({ shape: fc.integer({ min: 0, max: SHAPES.length - 1 }), remove: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 80 }),
        (nodeCpus, pods) => {
          expect(run(nodeCpus, pods, false)).toEqual(run(nodeCpus, pods, true));
        },
      ),
      { numRuns: 100 },
    );
  });
});
