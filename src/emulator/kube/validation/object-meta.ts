import { byteLength, type Checker, type Json } from './checker.js';
import { child, forbidden, index, invalid, required, tooLong } from './field-error.js';
import { isLabelValue, isQualifiedName, nameIsDNSLabel, type NameValidator } from './names.js';

/** TOTAL_ANNOTATION_SIZE_LIMIT is the most bytes an object's annotation keys and values may take together (256 KiB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** validateLabels is ValidateLabels: qualified keys and label values, every error at the map's path. */
export function validateLabels(c: Checker, labels: Record<string, string> | undefined, path: string): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) c.add(invalid(path, k, msg));
    for (const msg of isLabelValue(v)) c.add(invalid(path, v, msg));
  }
}

/** validateAnnotations is ValidateAnnotations: case-insensitive qualified keys, 256 KiB in all. */
export function validateAnnotations(c: Checker, annotations: Record<string, string> | undefined, path: string): void {
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) c.add(invalid(path, k, msg));
    total += byteLength(k) + byteLength(v);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) c.add(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
}

/** validateObjectMeta is ValidateObjectMeta for a create: name (or generateName), namespace, labels, annotations. */
export function validateObjectMeta(c: Checker, meta: Json | undefined, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): void {
  const name = c.str(meta, 'name', path);
  const generateName = c.str(meta, 'generateName', path);
  if (generateName) {
    for (const msg of nameFn(generateName, true)) c.add(invalid(child(path, 'generateName'), generateName, msg));
  }
  if (!name) {
    if (!generateName) c.add(required(child(path, 'name'), 'name or generateName is required'));
  } else {
    for (const msg of nameFn(name, false)) c.add(invalid(child(path, 'name'), name, msg));
  }
  const namespace = c.str(meta, 'namespace', path);
  if (namespaced) {
    if (!namespace) c.add(required(child(path, 'namespace')));
    else for (const msg of nameIsDNSLabel(namespace, false)) c.add(invalid(child(path, 'namespace'), namespace, msg));
  } else if (namespace) {
    c.add(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  validateLabels(c, c.strMap(meta, 'labels', path), child(path, 'labels'));
  validateAnnotations(c, c.strMap(meta, 'annotations', path), child(path, 'annotations'));
  c.strings(meta, 'finalizers', path).forEach((f, i) => {
    for (const msg of isQualifiedName(f)) c.add(invalid(index(child(path, 'finalizers'), i), f, msg));
  });
}

/** validateLabelSelector is ValidateLabelSelector: matchLabels and each matchExpressions requirement. */
export function validateLabelSelector(c: Checker, selector: Json | undefined, path: string): void {
  if (!selector) return;
  validateLabels(c, c.strMap(selector, 'matchLabels', path), child(path, 'matchLabels'));
  c.records(selector, 'matchExpressions', path).forEach((expr, i) => {
    const at = index(child(path, 'matchExpressions'), i);
    const operator = c.str(expr, 'operator', at);
    const values = c.strings(expr, 'values', at);
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) c.add(required(child(at, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) c.add(forbidden(child(at, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      c.add(invalid(child(at, 'operator'), operator ?? '', 'not a valid selector operator'));
    }
    const keyName = c.str(expr, 'key', at) ?? '';
    for (const msg of isQualifiedName(keyName)) c.add(invalid(child(at, 'key'), keyName, msg));
    values.forEach((v, j) => {
      for (const msg of isLabelValue(v)) c.add(invalid(index(child(at, 'values'), j), v, msg));
    });
  });
}

/** selectorIsEmpty says whether a LabelSelector has neither matchLabels nor matchExpressions. */
export function selectorIsEmpty(selector: Json): boolean {
  const labels = selector.matchLabels;
  const exprs = selector.matchExpressions;
  return Object.keys(labels && typeof labels === 'object' ? labels : {}).length === 0 && !(Array.isArray(exprs) && exprs.length > 0);
}
