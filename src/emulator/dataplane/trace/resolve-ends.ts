import { parseIpv4 } from '../../iaas/ipv4.js';
import { resolveServiceName, type NetworkNode, type NetworkPod, type NetworkWorld } from '../../network/index.js';

/** Source is where a traced packet starts: a pod, or a node's own network namespace. */
export type Source =
  | { readonly kind: 'pod'; readonly ip: string; readonly pod: NetworkPod; readonly node: NetworkNode }
  | { readonly kind: 'node'; readonly ip: string; readonly node: NetworkNode }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Target is where a traced packet goes once names are resolved: an address, or an external name only the internet knows. */
export type Target =
  | { readonly kind: 'ip'; readonly ip: string; readonly via?: { readonly name: string; readonly answer: string } }
  | { readonly kind: 'external'; readonly name: string }
  | { readonly kind: 'unknown'; readonly code: 'UnknownPod' | 'UnknownService'; readonly reason: string };

const isIp = (text: string): boolean => parseIpv4(text) !== undefined;

function podByRef(world: NetworkWorld, text: string): NetworkPod | undefined {
  const [namespace, name] = text.split('/');
  return world.pods.find((p) => p.namespace === namespace && p.name === name);
}

/** resolveSource finds the pod (by `<namespace>/<pod>` or IP) or the node (by name or IP) a packet leaves from. */
export function resolveSource(world: NetworkWorld, text: string): Source {
  const pod = text.includes('/') ? podByRef(world, text) : world.pods.find((p) => p.ip === text);
  if (pod) {
    const node = world.nodes.find((n) => n.name === pod.nodeName);
    if (!pod.ip || !node) return { kind: 'unknown', reason: `pod ${pod.namespace}/${pod.name} has no IP yet: it is not running on a node` };
    return { kind: 'pod', ip: pod.ip, pod, node };
  }
  const node = world.nodes.find((n) => n.name === text || n.privateIp === text);
  if (node) return { kind: 'node', ip: node.privateIp, node };
  return { kind: 'unknown', reason: text.includes('/') ? `pod ${text} not found` : `${text} is neither a pod nor a node of cluster ${world.clusterId}` };
}

/** resolveTarget turns the destination text into an address, through cluster DNS for service names. */
export function resolveTarget(world: NetworkWorld, text: string, clientNamespace: string): Target {
  if (isIp(text)) return { kind: 'ip', ip: text };
  if (text.includes('/')) {
    const pod = podByRef(world, text);
    if (!pod) return { kind: 'unknown', code: 'UnknownPod', reason: `pod ${text} not found` };
    if (!pod.ip) return { kind: 'unknown', code: 'UnknownPod', reason: `pod ${text} has no IP yet: it is not running on a node` };
    return { kind: 'ip', ip: pod.ip };
  }
  const node = world.nodes.find((n) => n.name === text);
  if (node) return { kind: 'ip', ip: node.privateIp };
  const cdb = world.cdbInstances.find((c) => c.id === text);
  if (cdb) return { kind: 'ip', ip: cdb.vip };
  const lookup = resolveServiceName(world, text, clientNamespace);
  if (lookup.kind === 'nxdomain') return { kind: 'unknown', code: 'UnknownService', reason: `cluster DNS has no record for ${lookup.fqdn} (NXDOMAIN): no such service` };
  if (lookup.kind === 'external') return { kind: 'external', name: text };
  const ip = lookup.service.spec.clusterIP;
  if (!ip || ip === 'None') return { kind: 'unknown', code: 'UnknownService', reason: `service ${lookup.fqdn} is headless: it has no cluster IP to trace through` };
  return { kind: 'ip', ip, via: { name: lookup.fqdn, answer: ip } };
}
