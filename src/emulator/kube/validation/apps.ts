import { matchesLabels, matchesSelector } from '../labels.js';
import type { LabelSelector } from '../meta.js';
import type { Checker, Json } from './checker.js';
import { child, forbidden, GoValue, invalid, notSupported, required } from './field-error.js';
import { isValidPercent, nameIsDNSSubdomain } from './names.js';
import { selectorIsEmpty, validateLabelSelector, validateObjectMeta } from './object-meta.js';
import { validatePodTemplateSpec } from './pod-spec.js';
import { goLabelSelector, mismatch, selectorParses, templateLabels, validateAlwaysRestart, validateSelectorAndTemplate } from './selectors.js';

/** Deployments, ReplicaSets, ReplicationControllers and DaemonSets, as pkg/apis/apps/validation checks them. */

/** nonNegative is ValidateNonnegativeField. */
export function nonNegative(c: Checker, obj: Json, field: string, path: string): void {
  const value = c.int(obj, field, path);
  if (value !== undefined && value < 0) c.add(invalid(child(path, field), value, 'must be greater than or equal to 0'));
}

/** intOrPercent reads an IntOrString: its value when valid (a percent counts as its number), reporting bad ones. */
export function intOrPercent(c: Checker, value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const msgs = isValidPercent(value);
    for (const msg of msgs) c.add(invalid(path, new GoValue(value), msg));
    return msgs.length === 0 ? Number(value.slice(0, -1)) : undefined;
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value < 0) c.add(invalid(path, value, 'must be greater than or equal to 0'));
    return value;
  }
  c.add(invalid(path, value, "must be an integer or percentage (e.g '5%%')"));
  return undefined;
}

function notOver100(c: Checker, value: unknown, path: string): void {
  if (typeof value === 'string' && isValidPercent(value).length === 0 && Number(value.slice(0, -1)) > 100) {
    c.add(invalid(path, new GoValue(value), 'must not be greater than 100%'));
  }
}

function validateDeploymentStrategy(c: Checker, spec: Json, path: string): void {
  const strategy = c.rec(spec, 'strategy', path) ?? {};
  const at = child(path, 'strategy');
  const type = c.str(strategy, 'type', at) ?? '';
  const rolling = c.rec(strategy, 'rollingUpdate', at);
  if (type === 'Recreate') {
    if (rolling) c.add(forbidden(child(at, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === 'RollingUpdate') {
    if (!rolling) return c.add(required(child(at, 'rollingUpdate'), 'this should be defaulted and never be nil'));
    const ruPath = child(at, 'rollingUpdate');
    const unavailable = intOrPercent(c, rolling.maxUnavailable, child(ruPath, 'maxUnavailable'));
    const surge = intOrPercent(c, rolling.maxSurge, child(ruPath, 'maxSurge'));
    if ((unavailable ?? 0) === 0 && (surge ?? 0) === 0) {
      c.add(invalid(child(ruPath, 'maxUnavailable'), new GoValue(String(rolling.maxUnavailable ?? 0)), 'may not be 0 when `maxSurge` is 0'));
    }
    notOver100(c, rolling.maxUnavailable, child(ruPath, 'maxUnavailable'));
  } else {
    c.add(notSupported(child(at, 'type'), type, ['Recreate', 'RollingUpdate']));
  }
}

/** validateDeployment is ValidateDeployment. */
export function validateDeployment(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  const spec = c.rec(obj, 'spec', '') ?? {};
  nonNegative(c, spec, 'replicas', 'spec');
  validateSelectorAndTemplate(c, spec, 'spec', 'deployment');
  validateDeploymentStrategy(c, spec, 'spec');
  nonNegative(c, spec, 'minReadySeconds', 'spec');
  nonNegative(c, spec, 'revisionHistoryLimit', 'spec');
  nonNegative(c, spec, 'progressDeadlineSeconds', 'spec');
  const deadline = c.int(spec, 'progressDeadlineSeconds', 'spec');
  if (deadline !== undefined && deadline <= (c.int(spec, 'minReadySeconds', 'spec') ?? 0)) {
    c.add(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
  }
}

/** validateReplicaSet is ValidateReplicaSet (its empty-selector message says "deployment", as Kubernetes' does). */
export function validateReplicaSet(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  const spec = c.rec(obj, 'spec', '') ?? {};
  nonNegative(c, spec, 'replicas', 'spec');
  nonNegative(c, spec, 'minReadySeconds', 'spec');
  validateSelectorAndTemplate(c, spec, 'spec', 'deployment');
}

/** validateReplicationController is ValidateReplicationController: a non-empty map selector that selects the template. */
export function validateReplicationController(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  const spec = c.rec(obj, 'spec', '') ?? {};
  nonNegative(c, spec, 'minReadySeconds', 'spec');
  const selector = c.strMap(spec, 'selector', 'spec') ?? {};
  if (Object.keys(selector).length === 0) c.add(required('spec.selector'));
  nonNegative(c, spec, 'replicas', 'spec');
  const template = c.rec(spec, 'template', 'spec');
  if (!template) return c.add(required('spec.template'));
  if (Object.keys(selector).length > 0 && !matchesLabels(selector, templateLabels(template))) c.add(mismatch('spec.template', templateLabels(template)));
  validatePodTemplateSpec(c, template, 'spec.template');
  validateAlwaysRestart(c, template, 'spec.template', 'replicationcontroller');
}

function validateDaemonSetStrategy(c: Checker, spec: Json): void {
  const strategy = c.rec(spec, 'updateStrategy', 'spec') ?? {};
  const type = c.str(strategy, 'type', 'spec.updateStrategy') ?? '';
  if (type === 'OnDelete') return;
  if (type !== 'RollingUpdate') return c.add(notSupported('spec.updateStrategy.type', type, ['RollingUpdate', 'OnDelete']));
  const rolling = c.rec(strategy, 'rollingUpdate', 'spec.updateStrategy');
  if (!rolling) return c.add(required('spec.updateStrategy.rollingUpdate'));
  const at = 'spec.updateStrategy.rollingUpdate';
  const unavailable = intOrPercent(c, rolling.maxUnavailable, `${at}.maxUnavailable`) ?? 0;
  const surge = intOrPercent(c, rolling.maxSurge, `${at}.maxSurge`) ?? 0;
  notOver100(c, rolling.maxUnavailable, `${at}.maxUnavailable`);
  notOver100(c, rolling.maxSurge, `${at}.maxSurge`);
  if (unavailable !== 0 && surge !== 0) c.add(invalid(`${at}.maxSurge`, new GoValue(String(rolling.maxSurge)), 'may not be set when maxUnavailable is non-zero'));
  if (unavailable === 0 && surge === 0) c.add(required(`${at}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
}

/** validateDaemonSet is ValidateDaemonSet. */
export function validateDaemonSet(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  const spec = c.rec(obj, 'spec', '') ?? {};
  const selector = c.rec(spec, 'selector', 'spec');
  validateLabelSelector(c, selector, 'spec.selector');
  const template = c.rec(spec, 'template', 'spec') ?? {};
  if ((!selector || selectorParses(selector)) && !matchesSelector(selector as LabelSelector | undefined, templateLabels(template))) {
    c.add(mismatch('spec.template', templateLabels(template)));
  }
  if (selector && selectorIsEmpty(selector)) c.add(invalid('spec.selector', goLabelSelector(selector), 'empty selector is invalid for daemonset'));
  validatePodTemplateSpec(c, template, 'spec.template');
  validateAlwaysRestart(c, template, 'spec.template', 'daemonset');
  nonNegative(c, spec, 'minReadySeconds', 'spec');
  validateDaemonSetStrategy(c, spec);
  nonNegative(c, spec, 'revisionHistoryLimit', 'spec');
}
