import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const BIN = join(process.cwd(), 'bin', 'tkesim.js');

/** serve starts `tkesim serve` and resolves with its banner once it listens. */
function serve(dataDir: string) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, DATABASE_URL: '', TKESIM_SANDBOX_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  const banner = new Promise<{ url: string; token: string }>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(out)?.[1];
      const token = /Sandbox token\s+(tks_\S+)/.exec(out)?.[1];
      if (url && token) resolve({ url, token });
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    void exited.then((how) => reject(new Error(`tkesim serve exited (${how}):\n${out}`)));
  });
  return { child, banner, exited };
}

describe('the tkesim command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves on the embedded store, prints the URLs and the sandbox token, and on SIGTERM snapshots and closes the log', async () => {
    const first = serve(dir);
    const { url, token } = await first.banner;
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { createCluster(input: { name: "cli" }) { cluster { id } } }' }),
    });
    const id = ((await answer.json()) as { data: { createCluster: { cluster: { id: string } } } }).data.createCluster.cluster.id;
    expect(id).toBe('cls-px14rob9');
    first.child.kill('SIGTERM');
    // Nest closes the app (a last snapshot, the log closed), then re-raises the signal.
    expect(await first.exited).toBe('SIGTERM');
    const db = new Database(join(dir, 'tkesim.sqlite'), { readonly: true });
    const snapshot = db.prepare('SELECT position FROM snapshots ORDER BY id DESC LIMIT 1').pluck().get();
    const last = db.prepare('SELECT MAX(position) FROM events').pluck().get();
    db.close();
    expect(snapshot).toBe(last);

    const second = serve(dir);
    const again = await second.banner;
    expect(again.token).toBe(token);
    const read = await fetch(`${again.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ cluster(id: "${id}") { name status } }` }),
    });
    expect(await read.json()).toEqual({ data: { cluster: { name: 'cli', status: 'Running' } } });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe('SIGTERM');
  }, 30_000);
});
