import { matchesSelector } from '../labels.js';
import type { LabelSelector } from '../meta.js';
import { isRecord, type Checker, type Json } from './checker.js';
import { child, forbidden, GoValue, goStringMap, invalid, notSupported, required } from './field-error.js';
import { isLabelValue, isQualifiedName } from './names.js';
import { selectorIsEmpty, validateLabelSelector } from './object-meta.js';
import { validatePodTemplateSpec } from './pod-spec.js';

/** A workload's selector and pod template, as the apps validators check them together. */

/** goLabelSelector prints a LabelSelector as its generated String() does. */
export function goLabelSelector(selector: Json | undefined): GoValue {
  if (!selector) return new GoValue('nil');
  const labels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}: ${String(labels[k])},`);
  const exprs = (Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []).map((e: Json) => {
    const values = Array.isArray(e?.values) ? e.values.join(' ') : '';
    return `LabelSelectorRequirement{Key:${String(e?.key ?? '')},Operator:${String(e?.operator ?? '')},Values:[${values}],},`;
  });
  return new GoValue(`&LabelSelector{MatchLabels:map[string]string{${pairs.join('')}},MatchExpressions:[]LabelSelectorRequirement{${exprs.join('')}},}`);
}

/** selectorParses is LabelSelectorAsSelector succeeding: known operators, values where needed, valid keys and values. */
export function selectorParses(selector: Json): boolean {
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  const labelsOk = Object.entries(isRecord(selector.matchLabels) ? selector.matchLabels : {}).every(
    ([k, v]) => isQualifiedName(k).length === 0 && typeof v === 'string' && isLabelValue(v).length === 0,
  );
  return (
    labelsOk &&
    exprs.every((e: Json) => {
      const values: unknown[] = Array.isArray(e?.values) ? e.values : [];
      const op = e?.operator;
      const shapeOk = op === 'In' || op === 'NotIn' ? values.length > 0 : op === 'Exists' || op === 'DoesNotExist' ? values.length === 0 : false;
      return shapeOk && typeof e.key === 'string' && isQualifiedName(e.key).length === 0 && values.every((v) => typeof v === 'string' && isLabelValue(v).length === 0);
    })
  );
}

/** templateLabels are a pod template's labels, or undefined when it has none. */
export function templateLabels(template: Json | undefined): Record<string, string> | undefined {
  const meta = template?.metadata;
  return isRecord(meta) && isRecord(meta.labels) ? (meta.labels as Record<string, string>) : undefined;
}

/** mismatch is the error every workload gives when its selector does not select its own template. */
export function mismatch(templatePath: string, labels: Record<string, string> | undefined) {
  return invalid(child(templatePath, 'metadata', 'labels'), new GoValue(goStringMap(labels)), '`selector` does not match template `labels`');
}

/** validateSelectorAndTemplate covers Deployment and ReplicaSet: required non-empty selector that selects the template, and a pod template that restarts Always. */
export function validateSelectorAndTemplate(c: Checker, spec: Json, path: string, kind: string): void {
  const selector = c.rec(spec, 'selector', path);
  const selectorPath = child(path, 'selector');
  if (!selector) c.add(required(selectorPath));
  else {
    validateLabelSelector(c, selector, selectorPath);
    if (selectorIsEmpty(selector)) c.add(invalid(selectorPath, goLabelSelector(selector), `empty selector is invalid for ${kind}`));
  }
  const template = c.rec(spec, 'template', path) ?? {};
  const templatePath = child(path, 'template');
  if (selector && !selectorParses(selector)) c.add(invalid(selectorPath, goLabelSelector(selector), 'invalid label selector'));
  else if (!(selector && selectorIsEmpty(selector)) && !matchesSelector(selector as LabelSelector | undefined, templateLabels(template))) {
    c.add(mismatch(templatePath, templateLabels(template)));
  }
  validatePodTemplateSpec(c, template, templatePath);
  validateAlwaysRestart(c, template, templatePath, kind);
}

/** validateAlwaysRestart: controllers' pods must restart Always and may not have an active deadline. */
export function validateAlwaysRestart(c: Checker, template: Json, templatePath: string, kind: string): void {
  const spec = isRecord(template.spec) ? template.spec : {};
  if (typeof spec.restartPolicy === 'string' && spec.restartPolicy !== 'Always') {
    c.add(notSupported(child(templatePath, 'spec', 'restartPolicy'), spec.restartPolicy, ['Always']));
  }
  if (spec.activeDeadlineSeconds !== undefined) {
    const label = { deployment: 'ReplicaSet', daemonset: 'DaemonSet', statefulset: 'StatefulSet' }[kind];
    c.add(
      label
        ? forbidden(child(templatePath, 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${label} is not Supported`)
        : invalid(child(templatePath, 'spec', 'activeDeadlineSeconds'), spec.activeDeadlineSeconds, 'must not be specified'),
    );
  }
}
