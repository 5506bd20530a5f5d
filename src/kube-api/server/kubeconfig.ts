/** The kubeconfig handed to a cluster's users: its server is `/k8s/<clusterId>` on this tkesim, its token opens only that cluster. */
import { stringify } from 'yaml';

/** kubeconfigYaml renders a kubeconfig (http needs `insecure-skip-tls-verify` for @kubernetes/client-node). */
export function kubeconfigYaml(origin: string, clusterId: string, token: string): string {
  const user = `${clusterId}-admin`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: clusterId, cluster: { server: `${origin}/k8s/${clusterId}`, 'insecure-skip-tls-verify': true } }],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: clusterId, context: { cluster: clusterId, user, namespace: 'default' } }],
    'current-context': clusterId,
    preferences: {},
  });
}
