import { integerValue, matchesSelector, type Node, type PersistentVolume, type PersistentVolumeAccessMode, type PersistentVolumeClaim } from '../kube/index.js';
import { compileTerm, requirementMatches } from '../scheduler/helpers/node-selector.js';
import { volumeClassName } from './storage-classes.js';

/** Static binding: which existing PersistentVolume fits a claim (pkg/controller/volume/persistentvolume/index.go, findMatchingVolume). */

/** requestedBytes is the claim's spec.resources.requests.storage in bytes. */
export const requestedBytes = (claim: PersistentVolumeClaim): number => integerValue(claim.spec.resources?.requests?.storage);

/** capacityBytes is the volume's spec.capacity.storage in bytes. */
export const capacityBytes = (volume: PersistentVolume): number => integerValue(volume.spec.capacity?.storage);

/** coversAccessModes: the volume offers every access mode the claim asks for. */
export function coversAccessModes(offered: readonly PersistentVolumeAccessMode[] | undefined, wanted: readonly PersistentVolumeAccessMode[] | undefined): boolean {
  return (wanted ?? []).every((mode) => (offered ?? []).includes(mode));
}

/** isBoundTo: the volume's claimRef names this claim (and its uid, when the ref carries one). */
export function isBoundTo(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec.claimRef;
  if (!ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false;
  return ref.uid === undefined || ref.uid === '' || ref.uid === claim.metadata.uid;
}

/** volumeFitsNode is CheckNodeAffinity: a volume without required node affinity fits any node, otherwise one term must match. */
export function volumeFitsNode(volume: PersistentVolume, node: Pick<Node, 'metadata'>): boolean {
  const terms = volume.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((raw) => {
    const term = compileTerm(raw);
    if (!term.valid || (term.expressions.length === 0 && term.fields.length === 0)) return false;
    const fieldsHold = term.fields.every((r) => (r.key === 'metadata.name' && (r.operator === 'In') === (r.values?.[0] === node.metadata.name)));
    return fieldsHold && term.expressions.every((r) => requirementMatches(r, labels));
  });
}

/** MatchOptions carry the chosen node when the claim's class waits for its first consumer. */
export interface MatchOptions {
  readonly className: string;
  readonly node?: Pick<Node, 'metadata'>;
}

/** fits: everything but the claimRef agrees between claim and volume. */
function fits(volume: PersistentVolume, claim: PersistentVolumeClaim, options: MatchOptions): boolean {
  if (volume.metadata.deletionTimestamp) return false;
  if (capacityBytes(volume) < requestedBytes(claim)) return false;
  if ((volume.spec.volumeMode ?? 'Filesystem') !== (claim.spec.volumeMode ?? 'Filesystem')) return false;
  if (options.node && !volumeFitsNode(volume, options.node)) return false;
  return true;
}

/** findMatchingVolume picks a volume pre-bound to the claim, else the smallest Available one of its class, modes, size and selector. */
export function findMatchingVolume(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], options: MatchOptions): PersistentVolume | undefined {
  let best: PersistentVolume | undefined;
  for (const volume of volumes) {
    if (!fits(volume, claim, options)) continue;
    if (isBoundTo(volume, claim)) return volume;
    if (volume.spec.claimRef) continue;
    if (volume.status?.phase !== undefined && volume.status.phase !== 'Available') continue;
    if (claim.spec.selector && !matchesSelector(claim.spec.selector, volume.metadata.labels)) continue;
    if (volumeClassName(volume) !== options.className) continue;
    if (!coversAccessModes(volume.spec.accessModes, claim.spec.accessModes)) continue;
    if (!best || capacityBytes(volume) < capacityBytes(best)) best = volume;
  }
  return best;
}
