import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** KubectlResult is what one kubectl run printed and how it exited. */
export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Kubectl runs the real /usr/bin/kubectl against a kubeconfig, with its own discovery cache. */
export class Kubectl {
  readonly dir = mkdtempSync(join(tmpdir(), 'tkesim-kubectl-'));
  readonly kubeconfig = join(this.dir, 'kubeconfig');

  constructor(kubeconfig: string) {
    writeFileSync(this.kubeconfig, kubeconfig);
  }

  /** run runs kubectl to completion (asynchronously: the server shares this process). */
  run(args: string[], options: { stdin?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
    const child = this.spawn(args);
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    return new Promise((resolve) => child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr }))));
  }

  /** spawn starts kubectl and hands back the process (for -w and -f). */
  spawn(args: string[]) {
    return spawn('/usr/bin/kubectl', ['--kubeconfig', this.kubeconfig, '--cache-dir', join(this.dir, 'cache'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, HOME: this.dir } });
  }

  /** cleanup removes the kubeconfig and the cache. */
  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
