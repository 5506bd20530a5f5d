/** How a stored object goes out on the wire: a Lease's times as MicroTime, which kubectl describe parses strictly. */
import type { KubeObject } from '../../emulator/kube/index.js';

/** microTime turns `2017-06-01T00:00:05.123Z` into metav1.MicroTime's `2017-06-01T00:00:05.123000Z`. */
export function microTime(time: string): string {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?Z$/.exec(time);
  return match ? `${match[1]}.${(match[2] ?? '').padEnd(6, '0')}Z` : time;
}

/** servedObject rewrites the fields whose wire format differs from how the store keeps them, and names the version asked for (the store keeps the current one; the older ones served carry the same fields). */
export function servedObject(object: KubeObject, apiVersion = object.apiVersion): KubeObject {
  const served = apiVersion === object.apiVersion ? object : { ...object, apiVersion };
  if (object.kind !== 'Lease') return served;
  const spec = { ...(object.spec as Record<string, unknown>) };
  for (const field of ['renewTime', 'acquireTime']) if (typeof spec[field] === 'string') spec[field] = microTime(spec[field] as string);
  return { ...served, spec };
}
