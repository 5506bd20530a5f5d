/** The kubeconfig handed to a cluster's users: its server is `/k8s/<clusterId>` on this tkesim, its token opens only that cluster. */
import { stringify } from 'yaml';

/** kubeconfigYaml renders a kubeconfig; over http the token also rides in the server path, since kubectl sends no credentials to an http:// server (client-node needs `insecure-skip-tls-verify`). */
export function kubeconfigYaml(origin: string, clusterId: string, token: string): string {
  const user = `${clusterId}-admin`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: clusterId, cluster: { server: origin.startsWith('https:') ? `${origin}/k8s/${clusterId}` : `${origin}/k8s/${clusterId}~${token}`, 'insecure-skip-tls-verify': true } }],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: clusterId, context: { cluster: clusterId, user, namespace: 'default' } }],
    'current-context': clusterId,
    preferences: {},
  });
}
