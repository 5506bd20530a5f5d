import { matchesSelector } from '../labels.js';
import type { LabelSelector } from '../meta.js';
import { isRecord, type Checker, type Json } from './checker.js';
import { child, duplicate, GoValue, index, invalid, notSupported, required } from './field-error.js';
import { intOrPercent, nonNegative } from './apps.js';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';
import { selectorIsEmpty, validateLabelSelector, validateObjectMeta } from './object-meta.js';
import { validatePodTemplateSpec } from './pod-spec.js';
import { goLabelSelector, mismatch, selectorParses, templateLabels, validateAlwaysRestart } from './selectors.js';
import { validatePersistentVolumeClaimSpec } from './storage.js';

/** StatefulSets, as ValidateStatefulSet checks them, plus their service name and claim templates. */

function validateUpdateStrategy(c: Checker, spec: Json): void {
  const strategy = c.rec(spec, 'updateStrategy', 'spec') ?? {};
  const type = c.str(strategy, 'type', 'spec.updateStrategy') ?? '';
  const rolling = c.rec(strategy, 'rollingUpdate', 'spec.updateStrategy');
  const at = 'spec.updateStrategy.rollingUpdate';
  if (type === '') c.add(required('spec.updateStrategy'));
  else if (type === 'OnDelete') {
    if (rolling) c.add(invalid(at, new GoValue(goRolling(rolling)), "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (type === 'RollingUpdate') {
    if (!rolling) return;
    nonNegative(c, rolling, 'partition', at);
    if (rolling.maxUnavailable !== undefined && rolling.maxUnavailable !== null) {
      const value = intOrPercent(c, rolling.maxUnavailable, `${at}.maxUnavailable`);
      if (value === 0) c.add(invalid(`${at}.maxUnavailable`, rolling.maxUnavailable, 'cannot be 0'));
    }
  } else {
    c.add(invalid('spec.updateStrategy.type', type, "must be 'RollingUpdate' or 'OnDelete'"));
  }
}

function goRolling(rolling: Json): string {
  return `&RollingUpdateStatefulSetStrategy{Partition:${String(rolling.partition ?? 0)},}`;
}

function validateClaimTemplates(c: Checker, spec: Json): string[] {
  const names: string[] = [];
  c.records(spec, 'volumeClaimTemplates', 'spec').forEach((claim, i) => {
    const at = index('spec.volumeClaimTemplates', i);
    const meta = c.rec(claim, 'metadata', at);
    const name = c.str(meta, 'name', child(at, 'metadata'));
    if (!name) c.add(required(child(at, 'metadata', 'name'), 'name is required'));
    else {
      for (const msg of nameIsDNSSubdomain(name, false)) c.add(invalid(child(at, 'metadata', 'name'), name, msg));
      if (names.includes(name)) c.add(duplicate(child(at, 'metadata', 'name'), name));
      names.push(name);
    }
    validatePersistentVolumeClaimSpec(c, c.rec(claim, 'spec', at), child(at, 'spec'));
  });
  return names;
}

/** validateStatefulSet is ValidateStatefulSet; tkesim also validates the pod template, with claim templates as volumes. */
export function validateStatefulSet(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSLabel);
  const spec = c.rec(obj, 'spec', '') ?? {};
  const policy = c.str(spec, 'podManagementPolicy', 'spec') ?? '';
  if (policy === '') c.add(required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') c.add(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  validateUpdateStrategy(c, spec);
  const retention = c.rec(spec, 'persistentVolumeClaimRetentionPolicy', 'spec');
  for (const when of ['whenDeleted', 'whenScaled']) {
    const value = c.str(retention, when, 'spec.persistentVolumeClaimRetentionPolicy');
    if (retention && value !== 'Retain' && value !== 'Delete') c.add(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${when}`, value ?? '', ['Retain', 'Delete']));
  }
  nonNegative(c, spec, 'replicas', 'spec');
  nonNegative(c, spec, 'minReadySeconds', 'spec');
  const selector = c.rec(spec, 'selector', 'spec');
  if (!selector) c.add(required('spec.selector'));
  else {
    validateLabelSelector(c, selector, 'spec.selector');
    if (selectorIsEmpty(selector)) c.add(invalid('spec.selector', goLabelSelector(selector), 'empty selector is invalid for statefulset'));
  }
  const template = c.rec(spec, 'template', 'spec') ?? {};
  if (selector && !selectorParses(selector)) c.add(invalid('spec.selector', goLabelSelector(selector), ''));
  else if (!(selector && selectorIsEmpty(selector)) && !matchesSelector(selector as LabelSelector | undefined, templateLabels(template))) {
    c.add(mismatch('spec.template', templateLabels(template)));
  }
  const serviceName = c.str(spec, 'serviceName', 'spec');
  if (serviceName) for (const msg of nameIsDNS1035Label(serviceName, false)) c.add(invalid('spec.serviceName', serviceName, msg));
  const claims = validateClaimTemplates(c, spec);
  validatePodTemplateSpec(c, template, 'spec.template', claims);
  validateAlwaysRestart(c, isRecord(template) ? template : {}, 'spec.template', 'statefulset');
  nonNegative(c, spec, 'revisionHistoryLimit', 'spec');
}
