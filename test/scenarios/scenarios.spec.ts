import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allProjections } from '../../src/app.projections.js';
import { FakeWallClock } from '../../src/emulator/clock/index.js';
import { EventStore } from '../../src/platform/event-store/index.js';
import { ProjectionEngine, ProjectionService, rebuildFromZero } from '../../src/platform/projections/index.js';
import { bootTestServer } from '../support/test-server.js';
import { readScenario, runScenario } from './scenario-runner.js';

const DIR = join(process.cwd(), 'test', 'scenarios');
const ROOT = join(process.cwd(), 'test');
const names = readdirSync(DIR).filter((f) => f.endsWith('.input.yaml')).map((f) => f.replace('.input.yaml', ''));

describe('golden scenarios (seeded generator, manual clock)', () => {
  it.each(names)('%s', async (name) => {
    const t = await bootTestServer({ wallClock: new FakeWallClock(Date.UTC(2017, 5, 1)), sandboxSeed: 'golden' });
    try {
      const output = await runScenario(t, readScenario(join(DIR, `${name}.input.yaml`)), ROOT);
      const rebuilt = await rebuildFromZero(t.app.get(EventStore), new ProjectionEngine(allProjections));
      expect(rebuilt.serialize()).toBe(t.app.get(ProjectionService).engine.serialize());
      const golden = join(DIR, `${name}.output.json`);
      const text = `${JSON.stringify(output, null, 2)}\n`;
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, text);
      expect(text).toBe(readFileSync(golden, 'utf8'));
    } finally {
      await t.close();
    }
  });
});
