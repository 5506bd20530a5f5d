/** copyJson deep-copies JSON data as JSON.parse(JSON.stringify(value)) would (undefined properties dropped), sharing the strings. */
export function copyJson<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = value[i] === undefined ? null : copy(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || typeof field === 'function') continue;
    // An own "__proto__" key stays data, as JSON.parse makes it, never the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy(field), enumerable: true, writable: true, configurable: true });
    else out[key] = copy(field);
  }
  return out;
}

/** deepFreeze freezes an object and everything in it, for parts several stored objects share: writing into one then throws instead of changing them all. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}

/** ownKeysAre says whether an object's enumerable keys are exactly these, in this order (an object of a known literal shape). */
export function ownKeysAre(object: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in object) if (key !== keys[i++]) return false;
  return i === keys.length;
}
