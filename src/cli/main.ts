import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { startServer } from '../main.js';
import { loadConfig, type ConfigFlags } from '../platform/config/tkesim-config.js';
import { packageRoot } from '../platform/config/package-root.js';
import { replayLog } from './replay.command.js';
import { banner } from './banner.js';
import { fetchKubeconfig } from './kubeconfig.command.js';

const version = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;

const program = new Command('tkesim')
  .version(version)
  .description('An offline, event-sourced model of a managed Kubernetes platform (TKE).');

program
  .command('serve')
  .description('start the server (GraphQL, GraphiQL) on the embedded SQLite store, or PostgreSQL with DATABASE_URL')
  .option('-p, --port <port>', 'port to listen on (env PORT)', undefined)
  .option('--host <host>', 'address to bind (env HOST)', undefined)
  .option('--data-dir <dir>', 'where the SQLite file and sandbox token live (env TKESIM_DATA_DIR)', undefined)
  .action(async (flags: ConfigFlags) => {
    const config = loadConfig(process.env, flags);
    const server = await startServer(config, ['error', 'warn']);
    process.stdout.write(banner(version, config, server));
  });

program
  .command('replay')
  .description('rebuild every read model from the log; with --verify, compare with the latest snapshot instead of saving one')
  .option('--verify', 'compare the rebuilt read models with the latest snapshot; exit 1 if they differ')
  .option('--data-dir <dir>', 'the data dir to read (env TKESIM_DATA_DIR)', undefined)
  .action(async (flags: { verify?: boolean; dataDir?: string }) => {
    const report = await replayLog(loadConfig(process.env, { dataDir: flags.dataDir }), flags.verify === true);
    const rate = Math.round(report.events / Math.max(report.millis / 1000, 1e-6));
    process.stdout.write(`replayed ${report.events} events in ${Math.round(report.millis)} ms (${rate} events/s)\n`);
    if (!flags.verify) return void process.stdout.write('saved a fresh snapshot\n');
    if (report.snapshotPosition === undefined) return void process.stdout.write('no snapshot under the current projection versions to compare with\n');
    if (report.difference) {
      process.stdout.write(`MISMATCH: the rebuilt read models differ from the snapshot at position ${report.snapshotPosition}, first at ${report.difference}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`verified: rebuilding from zero equals the snapshot at position ${report.snapshotPosition}\n`);
    }
  });

program
  .command('kubeconfig <clusterId>')
  .description("print a kubeconfig for a cluster's Kubernetes API (its token opens only that cluster)")
  .option('--server <url>', 'the running tkesim (env TKESIM_URL; default http://localhost:$PORT)', undefined)
  .option('--token <token>', 'an account token (env TKESIM_TOKEN; default the sandbox token in the data dir)', undefined)
  .option('--data-dir <dir>', 'where the sandbox token lives (env TKESIM_DATA_DIR)', undefined)
  .action(async (clusterId: string, flags: { server?: string; token?: string; dataDir?: string }) => {
    process.stdout.write(await fetchKubeconfig(clusterId, flags, process.env));
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`tkesim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
