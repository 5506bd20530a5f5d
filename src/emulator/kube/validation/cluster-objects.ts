import type { Checker, Json } from './checker.js';
import { invalid } from './field-error.js';
import { isDNS1123Subdomain, nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta } from './object-meta.js';

/** Namespaces, Events and Leases, as their validators check them. */

/** validateNamespace is ValidateNamespace: a DNS label name, cluster-scoped. */
export function validateNamespace(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), false, nameIsDNSLabel);
  const spec = c.rec(obj, 'spec', '');
  c.strings(spec, 'finalizers', 'spec');
}

/** validateEvent is the legacy (core/v1) event check: the involved object's namespace matches the event's. */
export function validateEvent(c: Checker, obj: Json): void {
  const meta = c.rec(obj, 'metadata', '');
  validateObjectMeta(c, meta, true, nameIsDNSSubdomain);
  const namespace = typeof meta?.namespace === 'string' ? meta.namespace : '';
  const involved = c.rec(obj, 'involvedObject', '') ?? {};
  const involvedNamespace = c.str(involved, 'namespace', 'involvedObject') ?? '';
  if (!c.str(obj, 'eventTime', '')) {
    const mismatch = involvedNamespace === '' ? namespace !== '' && namespace !== 'default' : namespace !== involvedNamespace;
    if (mismatch) c.add(invalid('involvedObject.namespace', involvedNamespace, 'does not match event.namespace'));
  }
  for (const msg of isDNS1123Subdomain(namespace)) c.add(invalid('namespace', namespace, msg));
  for (const field of ['reason', 'message', 'type', 'firstTimestamp', 'lastTimestamp']) c.str(obj, field, '');
  c.int(obj, 'count', '');
  c.rec(obj, 'source', '');
}

/** validateLease is ValidateLease: a positive duration and non-negative transitions. */
export function validateLease(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  const spec = c.rec(obj, 'spec', '') ?? {};
  const duration = c.int(spec, 'leaseDurationSeconds', 'spec');
  if (duration !== undefined && duration <= 0) c.add(invalid('spec.leaseDurationSeconds', duration, 'must be greater than 0'));
  const transitions = c.int(spec, 'leaseTransitions', 'spec');
  if (transitions !== undefined && transitions < 0) c.add(invalid('spec.leaseTransitions', transitions, 'must be greater than or equal to 0'));
  c.str(spec, 'holderIdentity', 'spec');
}
