import { createHash } from 'node:crypto';
import { stableJson } from '../../emulator/controllers/helpers/json.js';

/** stableStringify renders JSON with sorted keys, so equal requests hash equally whatever their key order. */
export const stableStringify = stableJson;

/** requestHash identifies a command's type and payload, to tell a retry from a different request. */
export function requestHash(type: string, payload: unknown): string {
  return createHash('sha256').update(type).update('\u0000').update(stableStringify(payload)).digest('hex');
}
