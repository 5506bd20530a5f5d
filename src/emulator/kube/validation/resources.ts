import { parseQuantity, QUANTITY_MESSAGE } from '../quantity.js';
import type { Checker, Json } from './checker.js';
import { child, invalid, key, required, typeInvalid } from './field-error.js';
import { isQualifiedName } from './names.js';

/** Container resource requirements, as ValidateContainerResourceRequirements checks them. */

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** isNativeResource: unprefixed names and `kubernetes.io/` ones belong to Kubernetes; others are extended resources. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** overcommitAllowed: requests may be below limits only for native resources other than huge pages. */
function overcommitAllowed(name: string): boolean {
  return isNativeResource(name) && !name.startsWith('hugepages-');
}

function validateResourceName(c: Checker, name: string, path: string): void {
  for (const msg of isQualifiedName(name)) c.add(invalid(path, name, msg));
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) c.add(invalid(path, name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && name.startsWith('requests.')) {
    c.add(invalid(path, name, "doesn't follow extended resource name standard"));
  }
}

/** readQuantities reads a ResourceList; a value that is not a quantity is `<list>.<name>: must be a quantity`. */
function readQuantities(c: Checker, resources: Json | undefined, list: 'limits' | 'requests', path: string): Map<string, { text: string; value: number }> {
  const out = new Map<string, { text: string; value: number }>();
  const entries = c.rec(resources, list, path) ?? {};
  for (const [name, raw] of Object.entries(entries)) {
    const at = key(child(path, list), name);
    validateResourceName(c, name, at);
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      c.add(typeInvalid(at, raw, 'string'));
      continue;
    }
    const value = parseQuantity(raw);
    if (value === undefined) {
      c.add(invalid(child(path, list, name), raw, QUANTITY_MESSAGE));
      continue;
    }
    const text = String(raw);
    if (value < 0) c.add(invalid(at, text, 'must be greater than or equal to 0'));
    else if (!isNativeResource(name) && !Number.isInteger(value)) c.add(invalid(at, text, 'must be an integer'));
    out.set(name, { text, value });
  }
  return out;
}

/** validateResourceRequirements checks names and quantities, and that each request is at most its limit. */
export function validateResourceRequirements(c: Checker, resources: Json | undefined, path: string): void {
  const limits = readQuantities(c, resources, 'limits', path);
  const requests = readQuantities(c, resources, 'requests', path);
  const requestsPath = child(path, 'requests');
  for (const [name, request] of requests) {
    const limit = limits.get(name);
    if (!limit) {
      if (!overcommitAllowed(name)) c.add(required(child(path, 'limits'), 'Limit must be set for non overcommitable resources'));
      continue;
    }
    if (request.value !== limit.value && !overcommitAllowed(name)) c.add(invalid(requestsPath, request.text, `must be equal to ${name} limit`));
    else if (request.value > limit.value) c.add(invalid(requestsPath, request.text, `must be less than or equal to ${name} limit`));
  }
}
