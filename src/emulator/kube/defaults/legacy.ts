import { isRecord, type Json } from '../validation/checker.js';
import { defaultRollingUpdate, defaultSelectorFromTemplate, specOf } from './apps.js';
import { records, setDefault } from './pod.js';

/** Defaults of the old API versions the 2017 seed uses, applied in the request's version before conversion, as the API server does. */

const MAX_INT32 = 2147483647;

/** appsV1beta1Deployment is apps/v1beta1 SetDefaults_Deployment: selector from the template, 25%/25%, 2 revisions, 600s. */
function appsV1beta1Deployment(obj: Json, spec: Json): void {
  defaultSelectorFromTemplate(obj, spec);
  setDefault(spec, 'replicas', 1);
  const strategy = setDefault(spec, 'strategy', {});
  if (isRecord(strategy) && setDefault(strategy, 'type', 'RollingUpdate') === 'RollingUpdate') defaultRollingUpdate(strategy, '25%', '25%');
  setDefault(spec, 'revisionHistoryLimit', 2);
  setDefault(spec, 'progressDeadlineSeconds', 600);
}

/** appsV1beta1StatefulSet is apps/v1beta1 SetDefaults_StatefulSet: OnDelete updates, selector from the template. */
function appsV1beta1StatefulSet(obj: Json, spec: Json): void {
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = setDefault(spec, 'updateStrategy', {});
  if (isRecord(strategy)) setDefault(strategy, 'type', 'OnDelete');
  defaultSelectorFromTemplate(obj, spec);
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
}

/** extensionsDeployment is extensions/v1beta1 SetDefaults_Deployment: 1/1 rolling update, history and deadline unlimited. */
function extensionsDeployment(obj: Json, spec: Json): void {
  defaultSelectorFromTemplate(obj, spec);
  setDefault(spec, 'replicas', 1);
  const strategy = setDefault(spec, 'strategy', {});
  if (isRecord(strategy) && (setDefault(strategy, 'type', 'RollingUpdate') === 'RollingUpdate' || isRecord(strategy.rollingUpdate))) {
    defaultRollingUpdate(strategy, 1, 1);
  }
  setDefault(spec, 'revisionHistoryLimit', MAX_INT32);
  setDefault(spec, 'progressDeadlineSeconds', MAX_INT32);
}

/** extensionsDaemonSet is extensions/v1beta1 SetDefaults_DaemonSet: OnDelete updates, selector from the template. */
function extensionsDaemonSet(obj: Json, spec: Json): void {
  defaultSelectorFromTemplate(obj, spec);
  const strategy = setDefault(spec, 'updateStrategy', {});
  if (isRecord(strategy) && setDefault(strategy, 'type', 'OnDelete') === 'RollingUpdate') defaultRollingUpdate(strategy, 1, 0);
  setDefault(spec, 'revisionHistoryLimit', 10);
}

/** extensionsReplicaSet is extensions/v1beta1 SetDefaults_ReplicaSet: selector from the template, 1 replica. */
function extensionsReplicaSet(obj: Json, spec: Json): void {
  defaultSelectorFromTemplate(obj, spec);
  setDefault(spec, 'replicas', 1);
}

/** legacyIngress defaults every path's pathType to ImplementationSpecific, as the beta Ingress versions did. */
function legacyIngress(_obj: Json, spec: Json): void {
  for (const rule of records(spec, 'rules')) {
    const http = rule.http;
    for (const path of records(isRecord(http) ? http : undefined, 'paths')) setDefault(path, 'pathType', 'ImplementationSpecific');
  }
}

const LEGACY_DEFAULTS: Record<string, (obj: Json, spec: Json) => void> = {
  'apps/v1beta1 Deployment': appsV1beta1Deployment,
  'apps/v1beta1 StatefulSet': appsV1beta1StatefulSet,
  'extensions/v1beta1 Deployment': extensionsDeployment,
  'extensions/v1beta1 DaemonSet': extensionsDaemonSet,
  'extensions/v1beta1 ReplicaSet': extensionsReplicaSet,
  'extensions/v1beta1 Ingress': legacyIngress,
  'networking.k8s.io/v1beta1 Ingress': legacyIngress,
};

/** applyLegacyDefaults applies the defaults of the version an object was written in, when that version defaulted differently from today's. */
export function applyLegacyDefaults(obj: Json, apiVersion: string, kind: string): void {
  const defaulter = LEGACY_DEFAULTS[`${apiVersion} ${kind}`];
  if (!defaulter) return;
  const spec = specOf(obj);
  if (spec) defaulter(obj, spec);
}
