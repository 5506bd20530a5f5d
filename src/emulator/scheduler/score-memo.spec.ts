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
function run(nodeCpus: readonly number[], pods: ReadonlyArray<{ shape: number; remove: number | undefined; resize: number | undefined }>, explain: boolean) {
  const snapshot = ClusterSnapshot.of(nodeCpus.map((cpu, i) => makeNode(`n${i}`, { cpu: `${cpu}`, memory: `${cpu * 2}Gi` })));
  const random = new SeededRandom(7);
  const placed: string[] = [];
  const scheduled: Array<ReturnType<typeof schedule>> = [];
  let startIndex = 0;
  pods.forEach(({ shape, remove, resize }, i) => {
    // Now and then a pod leaves its node, which changes that node's numbers (so it must forget its answers) between cycles.
    const gone = remove === undefined ? undefined : scheduled[remove % Math.max(1, scheduled.length)];
    if (gone?.outcome === 'Scheduled' && gone.assumed && snapshot.podInfo(gone.assumed.key)) snapshot.removePod(gone.assumed.key);
    // Now and then a node is resized: a new NodeInfo (keeping its pods) takes its place in the node list.
    if (resize !== undefined) {
      const n = resize % nodeCpus.length;
      snapshot.addNode(makeNode(`n${n}`, { cpu: `${1 + (resize % 4)}`, memory: `${nodeCpus[n] * 2}Gi` }));
    }
    const result = schedule(makePod(`p${i}`, SHAPES[shape]), snapshot, { random, startIndex, explain });
    scheduled.push(result);
    placed.push(result.outcome === 'Scheduled' ? result.nodeName : result.message);
    startIndex = result.nextStartIndex;
  });
  return { placed, draws: random.draws };
}

const podRuns = (maxLength: number) =>
  fc.array(
    fc.record({
      shape: fc.integer({ min: 0, max: SHAPES.length - 1 }),
      remove: fc.option(fc.nat(), { nil: undefined, freq: 4 }),
      resize: fc.option(fc.nat(), { nil: undefined, freq: 20 }),
    }),
    { maxLength },
  );

describe('score memo', () => {
  it.each([
    // A few small nodes fill up: verdicts turn from fit to Insufficient cpu/memory, and back as pods leave.
    ['a small cluster under pressure', fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 8 }), podRuns(60)],
    // Over 100 nodes, each cycle examines a window that moves on: nodes are seen again after others changed.
    ['a large cluster examined in windows', fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 101, maxLength: 160 }), podRuns(400)],
  ])('given %s, when verdicts and node-local scores are remembered, then every placement, message and draw is the one full evaluation gives', (_case, nodeCpus, pods) => {
    fc.assert(
      fc.property(nodeCpus, pods, (cpus, run_) => {
        expect(run(cpus, run_, false)).toEqual(run(cpus, run_, true));
      }),
      { numRuns: 60 },
    );
  });
});
