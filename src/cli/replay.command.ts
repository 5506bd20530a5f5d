import { allProjections } from '../app.projections.js';
import type { TkesimConfig } from '../platform/config/tkesim-config.js';
import { EventStore, openEventLog } from '../platform/event-store/index.js';
import { ProjectionEngine, replay } from '../platform/projections/index.js';
import { firstDifference } from './json-diff.js';
import { ProgressBar } from './progress-bar.js';

/** ReplayReport is what `tkesim replay` found. */
export interface ReplayReport {
  readonly events: number;
  readonly millis: number;
  readonly snapshotPosition?: number;
  /** difference is the first path where the rebuilt read models differ from the snapshot. */
  readonly difference?: string;
}

/** replayLog rebuilds every read model from zero, checking the latest snapshot on the way (--verify), or saving a new one. */
export async function replayLog(config: TkesimConfig, verify: boolean, out: NodeJS.WriteStream = process.stderr): Promise<ReplayReport> {
  const store = new EventStore(await openEventLog(config.database));
  try {
    const total = await store.driver.lastPosition();
    const snapshot = await store.latestSnapshot();
    const engine = new ProjectionEngine(allProjections);
    const bar = new ProgressBar(total, out);
    const started = performance.now();
    const onProgress = ({ position }: { position: number }) => bar.update(position);
    let difference: string | undefined;
    const comparable = verify && snapshot && snapshot.projectionsVersion === engine.version;
    if (comparable) {
      await replay(store, engine, { until: snapshot.position, onProgress });
      difference = firstDifference(JSON.parse(engine.serialize()), JSON.parse(snapshot.state));
    }
    await replay(store, engine, { onProgress });
    bar.finish(engine.position);
    const millis = performance.now() - started;
    if (!verify) await store.saveSnapshot(engine.toSnapshot(), new Date(config.wallClock.now()).toISOString());
    return { events: engine.position, millis, snapshotPosition: comparable ? snapshot.position : undefined, difference };
  } finally {
    await store.close();
  }
}
