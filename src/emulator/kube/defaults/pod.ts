import { isRecord, type Json } from '../validation/checker.js';
import { sourceKeys } from '../validation/volumes.js';

/** Pod defaulting, as pkg/apis/core/v1/defaults.go applies it to pods and to every pod template. */

/** setDefault sets a field that is unset: absent, null, or an empty string (Go's zero string). */
export function setDefault<T>(obj: Json, field: string, value: T): unknown {
  if (obj[field] === undefined || obj[field] === null || obj[field] === '') obj[field] = value;
  return obj[field];
}

/** setDefaultIfZero is setDefault for Go's non-pointer numbers, where 0 also means unset. */
function setDefaultIfZero(obj: Json, field: string, value: number): void {
  if (obj[field] === 0) delete obj[field];
  setDefault(obj, field, value);
}

/** records are the objects in an array field (anything else is left for validation to report). */
export function records(obj: Json | undefined, field: string): Json[] {
  const list = obj?.[field];
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/** imageTag is the tag parsers.ParseImageName finds: `latest` when there is neither tag nor digest. */
export function imageTag(image: string): string {
  const [name, digest] = image.split('@');
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon >= 0) return name.slice(colon + 1);
  return digest === undefined ? 'latest' : '';
}

/** defaultProbe is SetDefaults_Probe (and SetDefaults_HTTPGetAction for its handler). */
export function defaultProbe(probe: unknown): void {
  if (!isRecord(probe)) return;
  setDefaultIfZero(probe, 'timeoutSeconds', 1);
  setDefaultIfZero(probe, 'periodSeconds', 10);
  setDefaultIfZero(probe, 'successThreshold', 1);
  setDefaultIfZero(probe, 'failureThreshold', 3);
  if (isRecord(probe.httpGet)) {
    setDefault(probe.httpGet, 'path', '/');
    setDefault(probe.httpGet, 'scheme', 'HTTP');
  }
}

/** defaultContainer is SetDefaults_Container plus its ports' protocol, its probes' and its env field refs' defaults. */
export function defaultContainer(container: Json): void {
  const image = typeof container.image === 'string' ? container.image : '';
  setDefault(container, 'imagePullPolicy', imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent');
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  for (const port of records(container, 'ports')) setDefault(port, 'protocol', 'TCP');
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(container[probe]);
  for (const variable of records(container, 'env')) {
    const fieldRef = isRecord(variable.valueFrom) ? variable.valueFrom.fieldRef : undefined;
    if (isRecord(fieldRef)) setDefault(fieldRef, 'apiVersion', 'v1');
  }
}

/** defaultVolume is SetDefaults_Volume: no source means an emptyDir; secret and configMap files default to 0644. */
function defaultVolume(volume: Json): void {
  if (sourceKeys(volume).length === 0) volume.emptyDir = {};
  for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (isRecord(volume[source])) setDefault(volume[source] as Json, 'defaultMode', 420);
  }
  if (isRecord(volume.hostPath)) setDefault(volume.hostPath, 'type', '');
}

/** defaultPodSpec is SetDefaults_PodSpec with its containers, init containers and volumes. */
export function defaultPodSpec(spec: unknown): void {
  if (!isRecord(spec)) return;
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const container of [...records(spec, 'containers'), ...records(spec, 'initContainers')]) defaultContainer(container);
  for (const volume of records(spec, 'volumes')) defaultVolume(volume);
}

/** defaultPodTemplate defaults a pod template's spec (controllers' templates get pod-spec defaults, not pod ones). */
export function defaultPodTemplate(template: unknown): void {
  if (isRecord(template)) defaultPodSpec(template.spec);
}

/** defaultPod is SetDefaults_Pod over SetDefaults_PodSpec: requests default to limits, service links on. */
export function defaultPod(pod: Json): void {
  const spec = pod.spec;
  if (!isRecord(spec)) return;
  defaultPodSpec(spec);
  for (const container of [...records(spec, 'containers'), ...records(spec, 'initContainers')]) {
    const resources = container.resources;
    if (!isRecord(resources) || !isRecord(resources.limits)) continue;
    const requests = (isRecord(resources.requests) ? resources.requests : (resources.requests = {})) as Json;
    for (const [name, limit] of Object.entries(resources.limits)) setDefault(requests, name, limit);
  }
  setDefault(spec, 'enableServiceLinks', true);
}
