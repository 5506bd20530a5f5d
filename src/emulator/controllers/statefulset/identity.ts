import type { OwnerReference, PersistentVolumeClaim, Pod, PodTemplateSpec, StatefulSet, Volume } from '../../kube/index.js';
import { CONTROLLER_REVISION_HASH } from '../helpers/controller-revisions.js';
import { clone } from '../helpers/json.js';
import { admitPod, podFromTemplate } from '../helpers/pods.js';

/** A StatefulSet pod's stable identity and storage (stateful_set_utils.go). */

/** COMPONENT is the StatefulSet controller's name in events. */
export const COMPONENT = 'statefulset-controller';
/** POD_NAME_LABEL carries a StatefulSet pod's own name, so a Service can select exactly one pod. */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** POD_INDEX_LABEL carries a StatefulSet pod's ordinal. */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

const ORDINAL = /^(.*)-([0-9]+)$/;

/** ordinalOf is getOrdinal: the number after the last dash, or -1. */
export function ordinalOf(pod: Pod): number {
  const match = ORDINAL.exec(pod.metadata.name ?? '');
  return match ? Number(match[2]) : -1;
}

/** isMemberOf: the pod's name is `<set>-<ordinal>`. */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return ORDINAL.exec(pod.metadata.name ?? '')?.[1] === set.metadata.name;
}

/** startOrdinal is spec.ordinals.start, 0 by default. */
export const startOrdinal = (set: StatefulSet): number => (set.spec as { ordinals?: { start?: number } }).ordinals?.start ?? 0;

/** replicasOf is spec.replicas with the API default of 1. */
export const replicasOf = (set: StatefulSet): number => set.spec.replicas ?? 1;

/** revisionOfPod is the controller-revision-hash label: the name of the revision the pod was made from. */
export const revisionOfPod = (pod: Pod): string | undefined => pod.metadata.labels?.[CONTROLLER_REVISION_HASH];

/** claimName is `<claim template>-<set>-<ordinal>`. */
export const claimName = (template: string, set: StatefulSet, ordinal: number): string => `${template}-${set.metadata.name}-${ordinal}`;

/** setRef is the reference a claim carries when persistentVolumeClaimRetentionPolicy deletes it with its set or pod. */
const plainRef = (o: { apiVersion: string; kind: string; metadata: { name?: string; uid?: string } }): OwnerReference => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name ?? '', uid: o.metadata.uid ?? '' });

/** claimRefs are the owner references a pod's claim should carry under the retention policy (condemned pods are scaled away). */
export function claimRefs(set: StatefulSet, pod: Pod | undefined, condemned: boolean, current: readonly OwnerReference[] = []): OwnerReference[] {
  const policy = set.spec.persistentVolumeClaimRetentionPolicy;
  const others = current.filter((ref) => ref.uid !== set.metadata.uid && !(ref.kind === 'Pod' && ref.name === pod?.metadata.name));
  const refs = [...others];
  if (policy?.whenDeleted === 'Delete') refs.push(plainRef(set));
  if (condemned && pod?.metadata.uid && policy?.whenScaled === 'Delete') refs.push(plainRef(pod));
  return refs;
}

/** claimsFor is getPersistentVolumeClaims: one claim per volumeClaimTemplate, labelled with the set's selector. */
export function claimsFor(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  return (set.spec.volumeClaimTemplates ?? []).map((t) => {
    const refs = claimRefs(set, undefined, false);
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName(t.metadata.name ?? '', set, ordinal),
        namespace: set.metadata.namespace,
        labels: { ...t.metadata.labels, ...set.spec.selector.matchLabels },
        ...(t.metadata.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ...(refs.length ? { ownerReferences: refs } : {}),
      },
      spec: clone(t.spec),
      status: { phase: 'Pending' },
    };
  });
}

/** newStatefulSetPod stamps `<set>-<ordinal>` from a revision's template: identity labels, hostname, subdomain, claim volumes. */
export function newStatefulSetPod(set: StatefulSet, template: PodTemplateSpec, revision: string, ordinal: number): Pod {
  const name = `${set.metadata.name}-${ordinal}`;
  const pod = podFromTemplate(template, set, name);
  pod.metadata.labels = { ...pod.metadata.labels, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH]: revision };
  pod.spec.hostname = name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
  const templates = set.spec.volumeClaimTemplates ?? [];
  const claimVolumes: Volume[] = templates.map((t) => ({ name: t.metadata.name ?? '', persistentVolumeClaim: { claimName: claimName(t.metadata.name ?? '', set, ordinal) } }));
  const kept = (pod.spec.volumes ?? []).filter((v) => !templates.some((t) => t.metadata.name === v.name));
  if (claimVolumes.length + kept.length > 0) pod.spec.volumes = [...claimVolumes, ...kept];
  return admitPod(pod);
}
