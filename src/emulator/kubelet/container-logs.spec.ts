import { containerLogLines, formatLogLines, type ContainerRun } from './container-logs.js';

const run: ContainerRun = { image: 'nginx:1.25', container: 'nginx', podName: 'web-0', podIp: '10.0.0.2', startedAt: Date.parse('2017-06-01T00:00:05Z') };

describe('container logs', () => {
  it('prints nginx start-up lines at the start and an access-log line every 10 s of virtual time', () => {
    const lines = containerLogLines(run, run.startedAt + 25_000);
    expect(lines[0].text).toMatch(/^\/docker-entrypoint\.sh/);
    expect(lines.filter((l) => l.text.includes('GET /'))).toHaveLength(2);
    expect(lines.at(-1)!.text).toBe('10.0.0.10 - - [01/Jun/2017:00:00:25 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"');
  });

  it('is the same for the same run and time, and stops at a terminated run\'s end', () => {
    expect(containerLogLines(run, run.startedAt + 60_000)).toEqual(containerLogLines(run, run.startedAt + 60_000));
    expect(containerLogLines({ ...run, finishedAt: run.startedAt + 10_000 }, run.startedAt + 60_000)).toHaveLength(11);
    expect(containerLogLines(run, run.startedAt - 1)).toEqual([]);
  });

  it('prefixes RFC 3339 timestamps with nanoseconds when asked', () => {
    expect(formatLogLines([{ at: run.startedAt, text: 'hi' }], true)).toBe('2017-06-01T00:00:05.000000000Z hi\n');
  });
});
