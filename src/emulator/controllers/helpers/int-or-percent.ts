import type { IntOrString } from '../../kube/index.js';

/** scaledValue is intstr.GetScaledValueFromIntOrPercent: a count as is, a percentage of total rounded up or down. */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(value.trim());
  if (!match) {
    const asInt = Number(value);
    return Number.isInteger(asInt) ? asInt : 0;
  }
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
