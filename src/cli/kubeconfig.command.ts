/** `tkesim kubeconfig <clusterId>`: asks a running tkesim for a cluster's kubeconfig over GraphQL. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../platform/config/tkesim-config.js';

/** KubeconfigFlags are the command's options. */
export interface KubeconfigFlags {
  server?: string;
  token?: string;
  dataDir?: string;
}

function sandboxToken(dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, 'sandbox.token'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** fetchKubeconfig returns the kubeconfig YAML, or throws the server's error message. */
export async function fetchKubeconfig(clusterId: string, flags: KubeconfigFlags, env: NodeJS.ProcessEnv): Promise<string> {
  const config = loadConfig(env, { dataDir: flags.dataDir });
  const server = (flags.server ?? env.TKESIM_URL ?? `http://localhost:${config.port}`).replace(/\/$/, '');
  const token = flags.token ?? env.TKESIM_TOKEN ?? config.sandboxToken ?? sandboxToken(config.dataDir);
  if (!token) throw new Error('no token: pass --token, set TKESIM_TOKEN, or run where the sandbox token is kept (--data-dir)');
  const response = await fetch(`${server}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'query ($id: ID!) { cluster(id: $id) { kubeconfig } }', variables: { id: clusterId } }),
  });
  const body = (await response.json()) as { data?: { cluster?: { kubeconfig: string } } | null; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!.cluster!.kubeconfig;
}
