import { isRecord, type Json } from '../validation/checker.js';
import { defaultPodTemplate, setDefault } from './pod.js';

/** Workload defaulting, as pkg/apis/apps/v1/defaults.go and core/v1 SetDefaults_ReplicationController apply it. */

/** spec is an object's spec, created when absent so defaults have somewhere to go. */
export function specOf(obj: Json): Json | undefined {
  setDefault(obj, 'spec', {});
  return isRecord(obj.spec) ? obj.spec : undefined;
}

/** templateLabelsOf are the labels of a spec's pod template, if it has any. */
export function templateLabelsOf(spec: Json): Record<string, string> | undefined {
  const template = spec.template;
  const meta = isRecord(template) ? template.metadata : undefined;
  return isRecord(meta) && isRecord(meta.labels) ? (meta.labels as Record<string, string>) : undefined;
}

/** defaultSelectorFromTemplate is what apps/v1beta1, apps/v1beta2-era and extensions/v1beta1 did: selector and labels from the template. */
export function defaultSelectorFromTemplate(obj: Json, spec: Json, mapSelector = false): void {
  const labels = templateLabelsOf(spec);
  if (!labels) return;
  const selector = spec.selector;
  const unset = mapSelector ? !isRecord(selector) || Object.keys(selector).length === 0 : selector === undefined || selector === null;
  if (unset) spec.selector = mapSelector ? { ...labels } : { matchLabels: { ...labels } };
  const meta = isRecord(obj.metadata) ? obj.metadata : (obj.metadata = {});
  const own = (meta as Json).labels;
  if (!isRecord(own) || Object.keys(own).length === 0) (meta as Json).labels = { ...labels };
}

/** defaultRollingUpdate fills a rolling update's maxUnavailable and maxSurge. */
export function defaultRollingUpdate(strategy: Json, maxUnavailable: number | string, maxSurge: number | string): void {
  const rolling = setDefault(strategy, 'rollingUpdate', {});
  if (!isRecord(rolling)) return;
  setDefault(rolling, 'maxUnavailable', maxUnavailable);
  setDefault(rolling, 'maxSurge', maxSurge);
}

/** defaultDeployment is SetDefaults_Deployment: 1 replica, RollingUpdate 25%/25%, 10 revisions, 600s deadline. */
export function defaultDeployment(obj: Json): void {
  const spec = specOf(obj);
  if (!spec) return;
  setDefault(spec, 'replicas', 1);
  const strategy = setDefault(spec, 'strategy', {});
  if (isRecord(strategy)) {
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') defaultRollingUpdate(strategy, '25%', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec.template);
}

/** defaultReplicaSet is SetDefaults_ReplicaSet: 1 replica. */
export function defaultReplicaSet(obj: Json): void {
  const spec = specOf(obj);
  if (!spec) return;
  setDefault(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
}

/** defaultReplicationController is SetDefaults_ReplicationController: selector and labels from the template, 1 replica. */
export function defaultReplicationController(obj: Json): void {
  const spec = specOf(obj);
  if (!spec) return;
  defaultSelectorFromTemplate(obj, spec, true);
  setDefault(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
}

/** defaultStatefulSet is SetDefaults_StatefulSet: OrderedReady, RollingUpdate from partition 0, claims retained, 1 replica, 10 revisions. */
export function defaultStatefulSet(obj: Json): void {
  const spec = specOf(obj);
  if (!spec) return;
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = setDefault(spec, 'updateStrategy', {});
  if (isRecord(strategy)) {
    if (setDefault(strategy, 'type', 'RollingUpdate') === 'RollingUpdate' && strategy.rollingUpdate === undefined) strategy.rollingUpdate = {};
    if (strategy.type === 'RollingUpdate' && isRecord(strategy.rollingUpdate)) setDefault(strategy.rollingUpdate, 'partition', 0);
  }
  const retention = setDefault(spec, 'persistentVolumeClaimRetentionPolicy', {});
  if (isRecord(retention)) {
    setDefault(retention, 'whenDeleted', 'Retain');
    setDefault(retention, 'whenScaled', 'Retain');
  }
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
  for (const claim of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) {
    if (!isRecord(claim)) continue;
    if (isRecord(claim.spec)) setDefault(claim.spec, 'volumeMode', 'Filesystem');
    // The generated defaulter walks claim templates as whole claims, so they show a Pending status too.
    const status = setDefault(claim, 'status', {});
    if (isRecord(status)) setDefault(status, 'phase', 'Pending');
  }
}

/** defaultDaemonSet is SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, 10 revisions. */
export function defaultDaemonSet(obj: Json): void {
  const spec = specOf(obj);
  if (!spec) return;
  const strategy = setDefault(spec, 'updateStrategy', {});
  if (isRecord(strategy)) {
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') defaultRollingUpdate(strategy, 1, 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
}
