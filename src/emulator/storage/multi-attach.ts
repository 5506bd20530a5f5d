import type { Pod } from '../kube/index.js';

/** The Multi-Attach warning, worded per pod as the attach/detach reconciler's reportMultiAttachError does. */

/** multiAttachMessage tells `pod` why `volumeName` cannot attach to its node: the pods elsewhere using it, by name only in its own namespace. */
export function multiAttachMessage(volumeName: string, pod: Pod, others: readonly Pod[]): string {
  const prefix = `Multi-Attach error for volume "${volumeName}"`;
  if (others.length === 0) return `${prefix} Volume is already exclusively attached to one node and can't be attached to another`;
  const local = others.filter((o) => o.metadata.namespace === pod.metadata.namespace).map((o) => o.metadata.name);
  const elsewhere = others.length - local.length;
  if (local.length === 0) return `${prefix} Volume is already used by ${elsewhere} pod(s) in different namespaces`;
  const used = `${prefix} Volume is already used by pod(s) ${local.join(', ')}`;
  return elsewhere > 0 ? `${used} and ${elsewhere} pod(s) in different namespaces` : used;
}
