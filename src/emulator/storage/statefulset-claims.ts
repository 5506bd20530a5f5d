import { claimName, claimsFor } from '../controllers/statefulset/identity.js';
import type { Pod, StatefulSet } from '../kube/index.js';

/** A StatefulSet's claims, `<template>-<set>-<ordinal>`: the StatefulSet controller stamps them (statefulset/identity.ts), storage reads them. */

/** claimName and claimsFor are the StatefulSet controller's own: one naming rule for the whole emulator. */
export { claimName, claimsFor };

/** podClaimNames lists the claims a pod's volumes name, in volume order. */
export function podClaimNames(pod: Pod): string[] {
  return (pod.spec.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName ?? []);
}

/** setClaimNames lists the claims a set keeps for the given ordinals, template by template. */
export function setClaimNames(set: StatefulSet, ordinals: readonly number[]): string[] {
  return ordinals.flatMap((ordinal) => (set.spec.volumeClaimTemplates ?? []).map((t) => claimName(t.metadata.name ?? '', set, ordinal)));
}
