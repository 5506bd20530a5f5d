import { listObjects, type KubeObject, type ObjectMeta, type ObjectStore, type PodTemplateSpec } from '../../kube/index.js';
import { clone, millis, sameJson } from './json.js';
import { controllerRef, isControlledBy } from './owners.js';

/** ControllerRevision history for StatefulSets and DaemonSets, as pkg/controller/history keeps it. */

/** CONTROLLER_REVISION_HASH labels revisions (and pods) with their revision's hash. */
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';

/** ControllerRevision is apps/v1 ControllerRevision: an immutable snapshot of a workload's template, numbered. */
export interface ControllerRevision {
  apiVersion: 'apps/v1';
  kind: 'ControllerRevision';
  metadata: ObjectMeta;
  data: { spec: { template: PodTemplateSpec & { $patch?: string } } };
  revision: number;
}

/** templatePatch is getPatch: the strategic merge patch that replaces the template, which is what a revision stores. */
export function templatePatch(template: PodTemplateSpec): ControllerRevision['data'] {
  return { spec: { template: { ...clone(template), $patch: 'replace' } } };
}

/** templateOf is ApplyRevision's template: the one a revision recorded. */
export function templateOf(revision: ControllerRevision): PodTemplateSpec {
  const { $patch: _patch, ...template } = revision.data.spec.template;
  return clone(template);
}

/** revisionsOf are the revisions an owner controls, oldest revision first (SortControllerRevisions). */
export function revisionsOf(store: ObjectStore, owner: KubeObject): ControllerRevision[] {
  const revisions = listObjects(store, 'ControllerRevision', owner.metadata.namespace) as unknown as ControllerRevision[];
  return revisions
    .filter((r) => isControlledBy(r as unknown as KubeObject, owner))
    .sort((a, b) => a.revision - b.revision || millis(a.metadata.creationTimestamp) - millis(b.metadata.creationTimestamp) || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
}

/** nextRevision is one more than the highest revision. */
export const nextRevision = (revisions: readonly ControllerRevision[]): number => (revisions.length ? revisions[revisions.length - 1].revision + 1 : 1);

/** equalRevision: same recorded data. */
export const equalRevision = (a: ControllerRevision, b: ControllerRevision): boolean => sameJson(a.data, b.data);

/** newControllerRevision is history.NewControllerRevision: named `<owner>-<hash>`, labelled, owned by the workload. */
export function newControllerRevision(owner: KubeObject, templateLabels: Record<string, string> | undefined, data: ControllerRevision['data'], revision: number, hash: string): ControllerRevision {
  const prefix = (owner.metadata.name ?? '').slice(0, 223);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${prefix}-${hash}`,
      namespace: owner.metadata.namespace,
      labels: { ...templateLabels, [CONTROLLER_REVISION_HASH]: hash },
      ...(owner.metadata.annotations ? { annotations: { ...owner.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    data,
    revision,
  };
}
