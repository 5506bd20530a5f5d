/** Cell formatting shared by the printers, as kubectl's printers.go and labels package write them. */
import type { LabelSelector } from '../../emulator/kube/meta.js';

/** NONE is kubectl's placeholder for an empty cell. */
export const NONE = '<none>';

/** formatLabels is labels.FormatLabels: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? NONE : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** formatSelector is metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, `<none>` when nil. */
export function formatSelector(selector: LabelSelector | undefined | null): string {
  if (!selector) return NONE;
  const parts: Array<[string, string]> = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const r of selector.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort().join(',');
    const text = { In: `${r.key} in (${values})`, NotIn: `${r.key} notin (${values})`, Exists: r.key, DoesNotExist: `!${r.key}` }[r.operator];
    parts.push([r.key, text]);
  }
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, text]) => text)
    .join(',');
}

const MODES: Array<[string, string]> = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** accessModes is helper.GetAccessModesAsString: `RWO,ROX` in a fixed order. */
export function accessModes(modes: readonly string[] | undefined): string {
  return MODES.filter(([mode]) => (modes ?? []).includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/** containerCells is layoutContainerCells: the CONTAINERS and IMAGES cells of a pod template. */
export function containerCells(containers: ReadonlyArray<{ name: string; image?: string }> | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** loadBalancerIngress joins a load balancer's ingress IPs or hostnames with commas. */
export function loadBalancerIngress(status: { ingress?: Array<{ ip?: string; hostname?: string }> } | undefined): string {
  return (status?.ingress ?? [])
    .flatMap((i) => [i.ip, i.hostname].filter((v): v is string => !!v))
    .join(',');
}
