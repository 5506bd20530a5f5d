import { MAX_SECRET_SIZE } from '../config.js';
import { byteLength, type Checker, type Json } from './checker.js';
import { invalid, key, required, tooLong } from './field-error.js';
import { isConfigMapKey, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta } from './object-meta.js';

/** ConfigMaps and Secrets, as ValidateConfigMap and ValidateSecret check them. */

/** BASE64 is standard base64 with padding, as Go's encoding/json decodes []byte. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** base64Error is Go's CorruptInputError for text that is not base64, or undefined if it is. */
export function base64Error(text: string): string | undefined {
  if (BASE64.test(text)) return undefined;
  const bad = [...text].findIndex((ch) => !/[A-Za-z0-9+/=]/.test(ch));
  return `illegal base64 data at input byte ${bad >= 0 ? bad : Math.floor(text.length / 4) * 4}`;
}

/** decodedLength is the byte length of base64 text. */
function decodedLength(text: string): number {
  return Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
}

/** validateConfigMap is ValidateConfigMap: valid keys, no key in both data and binaryData, 1 MiB in all. */
export function validateConfigMap(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  const data = c.strMap(obj, 'data', '') ?? {};
  const binary = c.strMap(obj, 'binaryData', '') ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const msg of isConfigMapKey(k)) c.add(invalid(key('data', k), k, msg));
    if (k in binary) c.add(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    total += byteLength(v);
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const msg of isConfigMapKey(k)) c.add(invalid(key('binaryData', k), k, msg));
    const bad = base64Error(v);
    if (bad) c.add(invalid(key('binaryData', k), '<binary data redacted>', bad));
    total += decodedLength(v);
  }
  if (total > MAX_SECRET_SIZE) c.add(tooLong('', MAX_SECRET_SIZE));
  c.bool(obj, 'immutable', '');
}

/** REQUIRED_SECRET_KEYS are the data keys each built-in Secret type must carry. */
const REQUIRED_SECRET_KEYS: Record<string, readonly string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

/** validateSecret is ValidateSecret: base64 values under valid keys, 1 MiB in all, and the keys its type requires. */
export function validateSecret(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  const data = c.strMap(obj, 'data', '') ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const msg of isConfigMapKey(k)) c.add(invalid(key('data', k), k, msg));
    const bad = base64Error(v);
    if (bad) c.add(invalid(key('data', k), '<secret contents redacted>', bad));
    total += decodedLength(v);
  }
  if (total > MAX_SECRET_SIZE) c.add(tooLong('data', MAX_SECRET_SIZE));
  const type = c.str(obj, 'type', '') ?? '';
  for (const needed of REQUIRED_SECRET_KEYS[type] ?? []) if (!(needed in data)) c.add(required(key('data', needed)));
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    c.add(required(key('data', 'username')), required(key('data', 'password')));
  }
  if (type === 'kubernetes.io/service-account-token') {
    const annotations = (obj.metadata as Json | undefined)?.annotations as Json | undefined;
    if (!annotations?.['kubernetes.io/service-account.name']) c.add(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if ((type === 'kubernetes.io/dockerconfigjson' || type === 'kubernetes.io/dockercfg') && !REQUIRED_SECRET_KEYS[type].some((k) => !(k in data))) {
    const name = REQUIRED_SECRET_KEYS[type][0];
    try {
      JSON.parse(Buffer.from(data[name], 'base64').toString('utf8'));
    } catch (error) {
      c.add(invalid(key('data', name), '<secret contents redacted>', (error as Error).message));
    }
  }
  c.bool(obj, 'immutable', '');
}
