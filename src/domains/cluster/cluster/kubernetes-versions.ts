/** kubernetesVersions are the versions TKE offers for new clusters, newest first. */
export const kubernetesVersions: readonly string[] = [
  '1.32.2',
  '1.30.0',
  '1.28.3',
  '1.26.1',
  '1.24.4',
  '1.22.5',
  '1.20.6',
  '1.18.4',
  '1.16.3',
  '1.14.3',
  '1.12.4',
  '1.10.5',
  '1.8.13',
  '1.7.8',
];

export const DEFAULT_KUBERNETES_VERSION = kubernetesVersions[0];
