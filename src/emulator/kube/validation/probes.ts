import { isRecord, type Checker, type Json } from './checker.js';
import { child, forbidden, invalid, notSupported, required, typeInvalid } from './field-error.js';
import { isValidPortName, isValidPortNum } from './names.js';

/** Probes as validateProbe and validateHandler check them. */

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const NON_NEGATIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

/** validatePortNumOrName is ValidatePortNumOrName: a port number, or an IANA port name. */
export function validatePortNumOrName(c: Checker, port: unknown, path: string): void {
  if (typeof port === 'number') {
    for (const msg of isValidPortNum(port)) c.add(invalid(path, port, msg));
  } else if (typeof port === 'string') {
    for (const msg of isValidPortName(port)) c.add(invalid(path, port, msg));
  } else {
    c.add(typeInvalid(path, port ?? null, 'integer or string'));
  }
}

function validateHandler(c: Checker, probe: Json, path: string): void {
  let count = 0;
  for (const handler of HANDLERS) {
    const action = probe[handler];
    if (action === undefined || action === null) continue;
    const at = child(path, handler);
    if (count++ > 0) {
      c.add(forbidden(at, 'may not specify more than 1 handler type'));
      continue;
    }
    if (!isRecord(action)) {
      c.add(typeInvalid(at, action, 'object'));
      continue;
    }
    if (handler === 'exec' && c.strings(action, 'command', at).length === 0) c.add(required(child(at, 'command')));
    if (handler === 'httpGet') {
      if (!c.str(action, 'path', at)) c.add(required(child(at, 'path')));
      const scheme = c.str(action, 'scheme', at) ?? '';
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') c.add(notSupported(child(at, 'scheme'), scheme, ['HTTP', 'HTTPS']));
    }
    if (handler !== 'exec') validatePortNumOrName(c, action.port, child(at, 'port'));
  }
  if (count === 0) c.add(required(path, 'must specify a handler type'));
}

/** validateProbe checks one probe; liveness and startup probes need successThreshold 1. */
export function validateProbe(c: Checker, probe: Json | undefined, path: string, mustSucceedOnce: boolean): void {
  if (!probe) return;
  validateHandler(c, probe, path);
  for (const field of NON_NEGATIVE) {
    const value = c.int(probe, field, path);
    if (value !== undefined && value < 0) c.add(invalid(child(path, field), value, 'must be greater than or equal to 0'));
  }
  if (mustSucceedOnce && probe.successThreshold !== 1 && typeof probe.successThreshold === 'number') {
    c.add(invalid(child(path, 'successThreshold'), probe.successThreshold, 'must be 1'));
  }
}
