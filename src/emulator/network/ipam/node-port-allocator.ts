import { duplicate, index, invalid } from '../../kube/validation/field-error.js';
import { rejectWith } from '../errors/network-input-error.js';

/** PortRange is an inclusive range of ports. */
export interface PortRange {
  readonly first: number;
  readonly last: number;
}

/** NODE_PORT_RANGE is the API server's default --service-node-port-range. */
export const NODE_PORT_RANGE: PortRange = { first: 30000, last: 32767 };

/** NodePortRequest is one service port: the node port the user asked for, if any. */
export interface NodePortRequest {
  readonly nodePort?: number;
}

/** allocateNodePort checks a requested node port, or takes the lowest free one, as the API server's port allocator does. */
export function allocateNodePort(inUse: ReadonlySet<number>, requested: number | undefined, field: string, range = NODE_PORT_RANGE): number {
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < range.first || requested > range.last) {
      rejectWith(invalid(field, requested, `provided port is not in the valid range. The range of valid ports is ${range.first}-${range.last}`));
    }
    if (inUse.has(requested)) rejectWith(invalid(field, requested, 'provided port is already allocated'));
    return requested;
  }
  for (let port = range.first; port <= range.last; port++) if (!inUse.has(port)) return port;
  return rejectWith(invalid(field, 0, 'failed to allocate a nodePort: range is full'));
}

/** allocateServiceNodePorts gives every port of one Service its node port, all or none: requested ones first, then the lowest free. */
export function allocateServiceNodePorts(ports: readonly NodePortRequest[], inUse: Iterable<number>, range = NODE_PORT_RANGE): number[] {
  const used = new Set(inUse);
  const field = (i: number): string => `${index('spec.ports', i)}.nodePort`;
  const chosen = new Array<number>(ports.length);
  const seen = new Set<number>();
  ports.forEach((port, i) => {
    if (port.nodePort === undefined) return;
    if (seen.has(port.nodePort)) rejectWith(duplicate(field(i), port.nodePort));
    seen.add(port.nodePort);
    chosen[i] = allocateNodePort(used, port.nodePort, field(i), range);
  });
  for (const port of seen) used.add(port);
  ports.forEach((port, i) => {
    if (port.nodePort !== undefined) return;
    chosen[i] = allocateNodePort(used, undefined, field(i), range);
    used.add(chosen[i]);
  });
  return chosen;
}
