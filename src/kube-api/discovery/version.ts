/** The `/version` body; gcloud's kubectl dispatcher picks its binary from `minor` (>= 30 for WebSocket exec). */

/** VersionInfo is k8s.io/apimachinery/pkg/version.Info. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** SERVER_VERSION is the Kubernetes version the facade claims to be. */
export const SERVER_VERSION = { major: '1', minor: '32', patch: '0' } as const;

/** versionInfo is the `/version` body (`v1.32.0-emu`). */
export function versionInfo(): VersionInfo {
  const { major, minor, patch } = SERVER_VERSION;
  return {
    major,
    minor,
    gitVersion: `v${major}.${minor}.${patch}-emu`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T00:00:00Z',
    goVersion: 'go1.23.3',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
