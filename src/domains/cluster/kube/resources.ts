import { kindInfo, qualifiedResource } from '../../../emulator/kube/index.js';

/** SERVER_KINDS are kinds the cluster stores but no manifest may contain. */
const SERVER_KINDS: Readonly<Record<string, { resource: string; namespaced: boolean }>> = {
  Node: { resource: 'nodes', namespaced: false },
  ControllerRevision: { resource: 'controllerrevisions.apps', namespaced: true },
};

/** resourceName is how the API server names a kind in messages: `pods`, `deployments.apps`. */
export function resourceName(kind: string): string {
  const info = kindInfo(kind);
  return info ? qualifiedResource(info) : (SERVER_KINDS[kind]?.resource ?? `${kind.toLowerCase()}s`);
}

/** namespaced says whether a stored kind lives in a namespace. */
export function namespaced(kind: string): boolean {
  return kindInfo(kind)?.namespaced ?? SERVER_KINDS[kind]?.namespaced ?? true;
}
