import type { StoredEvent } from '../kernel/events.js';
import type { Projection } from '../kernel/projection.js';
import { ProjectionEngine } from './projection-engine.js';

const counter: Projection<{ count: number }> = {
  name: 'counter',
  version: 1,
  initialState: () => ({ count: 0 }),
  apply: (state, event) => {
    if (event.type === 'Ticked') state.count++;
  },
};

const ticked = (position: number): StoredEvent =>
  ({ position, streamId: 's', streamVersion: position, type: 'Ticked', data: {}, metadata: {} }) as unknown as StoredEvent;

describe('ProjectionEngine', () => {
  it('applies each event once, in order, even when a page repeats', () => {
    const engine = new ProjectionEngine([counter]);
    engine.apply([ticked(1), ticked(2)]);
    engine.apply([ticked(2), ticked(3)]);
    expect(engine.state<{ count: number }>('counter').count).toBe(3);
    expect(engine.position).toBe(3);
  });

  it('restores a snapshot taken under the same versions, and ignores one taken under others', () => {
    const live = new ProjectionEngine([counter]);
    live.apply([ticked(1), ticked(2)]);
    const restored = new ProjectionEngine([counter]);
    expect(restored.restore(live.toSnapshot())).toBe(true);
    expect(restored.serialize()).toBe(live.serialize());
    expect(restored.position).toBe(2);
    const newer = new ProjectionEngine([{ ...counter, version: 2 }]);
    expect(newer.restore(live.toSnapshot())).toBe(false);
    expect(newer.position).toBe(0);
  });
});
