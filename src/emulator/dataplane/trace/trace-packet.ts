import { invalid, notSupported, required, type FieldError } from '../../kube/validation/field-error.js';
import { NetworkInputError, type NetworkWorld, type Random } from '../../network/index.js';
import { forwardFromNode } from './node-forwarding.js';
import { TraceBuilder, type PacketTrace, type TraceInput, type TraceProtocol } from './packet-trace.js';
import { resolveSource, resolveTarget } from './resolve-ends.js';
import { firstHost, podAt } from './trace-places.js';
import type { TraceContext } from './trace-context.js';

const PROTOCOLS: readonly TraceProtocol[] = ['TCP', 'UDP', 'SCTP'];

/** checkTraceInput lists what is wrong with a trace request, field by field. */
export function checkTraceInput(input: TraceInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.from?.trim()) errors.push(required('from'));
  if (!input.to?.trim()) errors.push(required('to'));
  if (input.port !== undefined && !(Number.isInteger(input.port) && input.port >= 1 && input.port <= 65535)) {
    errors.push(invalid('port', input.port, 'must be between 1 and 65535, inclusive'));
  }
  if (input.protocol !== undefined && !PROTOCOLS.includes(input.protocol)) errors.push(notSupported('protocol', input.protocol, PROTOCOLS));
  return errors;
}

/** tracePacket follows one packet hop by hop through pods, bridges, kube-proxy, the VPC's tables and gateways; `random` picks service endpoints. */
export function tracePacket(world: NetworkWorld, input: TraceInput, random: Random): PacketTrace {
  const errors = checkTraceInput(input);
  if (errors.length > 0) throw new NetworkInputError(errors);
  const trace = new TraceBuilder();
  const source = resolveSource(world, input.from.trim());
  if (source.kind === 'unknown') return trace.drop('UnknownPod', source.reason, input.from, 'source');
  const namespace = source.kind === 'pod' ? source.pod.namespace : 'default';
  const target = resolveTarget(world, input.to.trim(), namespace);
  const at = source.kind === 'pod' ? podAt(source.pod) : `node ${source.node.name}`;
  if (target.kind === 'unknown') return trace.drop(target.code, target.reason, at, 'cluster DNS');
  if (target.kind === 'ip' && target.via) trace.hop(at, 'cluster DNS', target.via.name, `A ${target.via.answer}`, 'answered by the cluster DNS service (kube-dns)');
  if (target.kind === 'external') trace.hop(at, 'cluster DNS', target.name, 'forwarded upstream', `not in the cluster domain: resolved by the VPC's DNS`);
  if (source.kind === 'pod') {
    const dst = target.kind === 'ip' ? target.ip : target.name;
    const bridge = world.mode === 'Flannel' ? 'cni0' : 'cbr0';
    trace.hop(at, 'pod routes', dst, `default via ${firstHost(source.node.podCidr)} dev eth0`, `out through the pod's veth pair onto the node bridge ${bridge}`);
  }
  const ctx: TraceContext = { world, trace, protocol: input.protocol ?? 'TCP', random, srcIp: source.ip, port: input.port };
  return forwardFromNode(ctx, source.node, target);
}
