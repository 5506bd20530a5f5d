/** Kubernetes resource quantities: `200m`, `2`, `10Gi`, `1.5e3`. */

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

const SUFFIXES: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** QUANTITY_MESSAGE is the API server's explanation for a malformed quantity. */
export const QUANTITY_MESSAGE = 'must be a quantity';

/** parseQuantity returns a quantity's value in base units (cores, bytes, count), or undefined if it is not one. */
export function parseQuantity(text: string | number | undefined | null): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const match = QUANTITY.exec(text.trim());
  if (!match || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(match[1])) return undefined;
  const mantissa = Number(match[1]);
  const suffix = match[2];
  if (suffix in SUFFIXES) return mantissa * SUFFIXES[suffix];
  const exponent = /^[eE]([-+]?\d+)$/.exec(suffix);
  return exponent ? mantissa * 10 ** Number(exponent[1]) : undefined;
}

/** milliValue is a quantity in thousandths, rounded up as Kubernetes' MilliValue() does (for CPU). */
export function milliValue(text: string | number | undefined | null): number {
  const value = parseQuantity(text);
  return value === undefined ? 0 : Math.ceil(Math.round(value * 1e9) / 1e6);
}

/** integerValue is a quantity rounded up to a whole number (for bytes and counts). */
export function integerValue(text: string | number | undefined | null): number {
  const value = parseQuantity(text);
  return value === undefined ? 0 : Math.ceil(Math.round(value * 1e3) / 1e3);
}

/** isQuantity says whether text parses as a quantity. */
export function isQuantity(text: unknown): boolean {
  return (typeof text === 'string' || typeof text === 'number') && parseQuantity(text) !== undefined;
}
