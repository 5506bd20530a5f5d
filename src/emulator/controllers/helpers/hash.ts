import type { RandomSource } from '../../clock/seeded-random.js';
import { flatString, type PodTemplateSpec } from '../../kube/index.js';
import { stableJson } from './json.js';

/** Names and hashes as k8s.io/apimachinery/pkg/util/rand and controller.ComputeHash make them. */

/** ALPHANUMS is utilrand's alphabet: no vowels (no bad words) and no easily confused characters. */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** MAX_GENERATED_NAME_LENGTH is how much of a generateName prefix the API server keeps (63 - 5 random characters). */
export const MAX_GENERATED_NAME_LENGTH = 58;

const utf8 = new TextEncoder();

function fnv(text: string, multiplyFirst: boolean, seed = 0x811c9dc5): number {
  let hash = seed;
  for (const byte of utf8.encode(text)) {
    if (multiplyFirst) hash = Math.imul(hash, 0x01000193) ^ byte;
    else hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return hash >>> 0;
}

/** fnv32a is Go's hash/fnv New32a over the UTF-8 bytes of text. */
export function fnv32a(text: string): number {
  return fnv(text, false);
}

/** fnv32 is Go's hash/fnv New32 (multiply, then xor) over the UTF-8 bytes of text. */
export function fnv32(text: string): number {
  return fnv(text, true);
}

/** safeEncodeString maps each character onto ALPHANUMS, as rand.SafeEncodeString does with a hash's decimal digits. */
export function safeEncodeString(text: string): string {
  return [...text].map((c) => ALPHANUMS[c.codePointAt(0)! % ALPHANUMS.length]).join('');
}

/** collisionBytes is the 8 bytes ComputeHash appends: the collision count as a little-endian uint32, then zeros. */
function withCollision(hashSoFar: number, collisionCount: number): number {
  let hash = hashSoFar;
  const n = collisionCount >>> 0;
  for (const byte of [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24, 0, 0, 0, 0]) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

/**
 * computeHash is controller.ComputeHash: FNV-32a over the pod template (plus the collision count), rendered with
 * SafeEncodeString. Kubernetes feeds the hash a Go spew dump of the struct; tkesim feeds it the template's canonical JSON,
 * so the algorithm and alphabet match but the values differ from a real cluster's.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let hash = fnv32a(stableJson(template));
  if (collisionCount !== undefined) hash = withCollision(hash, collisionCount);
  return safeEncodeString(String(hash));
}

/** randomString is utilrand.String: `length` characters of ALPHANUMS from the seeded generator. */
export function randomString(random: RandomSource, length = 5): string {
  return random.chars(length, ALPHANUMS);
}

/** generateName is the API server's SimpleNameGenerator: the prefix cut to 58 characters, then 5 random ones. */
export function generateName(prefix: string, random: RandomSource, taken: (name: string) => boolean): string {
  const base = prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH) : prefix;
  let name = `${base}${randomString(random)}`;
  // The API server refuses a taken name and the controller retries with a fresh suffix.
  while (taken(name)) name = `${base}${randomString(random)}`;
  return flatString(name);
}
