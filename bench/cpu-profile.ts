/** startProfile records a V8 CPU profile of one phase of a benchmark into `path` (BENCH_PROFILE), for Chrome DevTools or bench/profile-summary. */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export interface RunningProfile {
  stop(): Promise<void>;
}

export async function startProfile(path: string | undefined): Promise<RunningProfile> {
  if (!path) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
