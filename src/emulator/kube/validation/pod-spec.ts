import type { Checker, Json } from './checker.js';
import { child, index, invalid, notSupported, required } from './field-error.js';
import { validateContainers, validateInitContainers } from './containers.js';
import { inclusiveRangeError, isDNS1123Label, isLabelValue, isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { validateAnnotations, validateLabels } from './object-meta.js';
import { validateVolumes } from './volumes.js';

/** Pod specs and pod templates, as ValidatePodSpec and ValidatePodTemplateSpec check them. */

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateTolerations(c: Checker, tolerations: Json[], path: string): void {
  tolerations.forEach((t, i) => {
    const at = index(path, i);
    const tolerationKey = c.str(t, 'key', at) ?? '';
    const operator = c.str(t, 'operator', at) ?? '';
    const value = c.str(t, 'value', at) ?? '';
    const effect = c.str(t, 'effect', at) ?? '';
    if (tolerationKey) for (const msg of isQualifiedName(tolerationKey)) c.add(invalid(child(at, 'key'), tolerationKey, msg));
    if (!tolerationKey && operator !== 'Exists') {
      c.add(invalid(child(at, 'operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (c.int(t, 'tolerationSeconds', at) !== undefined && effect !== 'NoExecute') {
      c.add(invalid(child(at, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isLabelValue(value);
      if (msgs.length > 0) c.add(invalid(child(at, 'operator'), value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value) c.add(invalid(child(at, 'operator'), value, "value must be empty when `operator` is 'Exists'"));
    } else {
      c.add(notSupported(child(at, 'operator'), operator, ['Equal', 'Exists']));
    }
    if (effect && !TAINT_EFFECTS.includes(effect)) c.add(notSupported(child(at, 'effect'), effect, TAINT_EFFECTS));
  });
}

function validateNames(c: Checker, spec: Json, path: string): void {
  for (const field of ['serviceAccountName', 'nodeName', 'priorityClassName']) {
    const value = c.str(spec, field, path);
    if (value) for (const msg of nameIsDNSSubdomain(value, false)) c.add(invalid(child(path, field), value, msg));
  }
  c.str(spec, 'schedulerName', path);
  for (const field of ['hostname', 'subdomain']) {
    const value = c.str(spec, field, path);
    if (value) for (const msg of isDNS1123Label(value)) c.add(invalid(child(path, field), value, msg));
  }
  c.records(spec, 'imagePullSecrets', path).forEach((ref, i) => c.str(ref, 'name', index(child(path, 'imagePullSecrets'), i)));
}

/** validatePodSpec is ValidatePodSpec; `claimNames` are volumes a StatefulSet's claim templates add. */
export function validatePodSpec(c: Checker, spec: Json | undefined, path: string, claimNames: readonly string[] = []): void {
  if (!spec) {
    c.add(required(child(path, 'containers')));
    return;
  }
  if (c.int(spec, 'terminationGracePeriodSeconds', path) === undefined) c.add(required(child(path, 'terminationGracePeriodSeconds')));
  const volumes = validateVolumes(c, c.records(spec, 'volumes', path), child(path, 'volumes'));
  for (const name of claimNames) volumes.add(name);
  const containers = c.records(spec, 'containers', path);
  validateContainers(c, containers, volumes, child(path, 'containers'));
  validateInitContainers(c, c.records(spec, 'initContainers', path), containers, volumes, child(path, 'initContainers'));
  const restart = c.str(spec, 'restartPolicy', path) ?? '';
  if (restart === '') c.add(required(child(path, 'restartPolicy')));
  else if (!RESTART_POLICIES.includes(restart)) c.add(notSupported(child(path, 'restartPolicy'), restart, RESTART_POLICIES));
  const dns = c.str(spec, 'dnsPolicy', path) ?? '';
  if (dns === '') c.add(required(child(path, 'dnsPolicy')));
  else if (!DNS_POLICIES.includes(dns)) c.add(notSupported(child(path, 'dnsPolicy'), dns, DNS_POLICIES));
  validateLabels(c, c.strMap(spec, 'nodeSelector', path), child(path, 'nodeSelector'));
  validateNames(c, spec, path);
  const deadline = c.int(spec, 'activeDeadlineSeconds', path);
  if (deadline !== undefined && (deadline < 1 || deadline > 2147483647)) {
    c.add(invalid(child(path, 'activeDeadlineSeconds'), deadline, inclusiveRangeError(1, 2147483647)));
  }
  validateTolerations(c, c.records(spec, 'tolerations', path), child(path, 'tolerations'));
}

/** validatePodTemplateSpec is ValidatePodTemplateSpec: template labels (at `<path>.labels`, as Kubernetes reports them), annotations, spec. */
export function validatePodTemplateSpec(c: Checker, template: Json, path: string, claimNames: readonly string[] = []): void {
  const meta = c.rec(template, 'metadata', path);
  validateLabels(c, c.strMap(meta, 'labels', child(path, 'metadata')), child(path, 'labels'));
  validateAnnotations(c, c.strMap(meta, 'annotations', child(path, 'metadata')), child(path, 'annotations'));
  validatePodSpec(c, c.rec(template, 'spec', path), child(path, 'spec'), claimNames);
}
