import type { NetworkWorld, Random } from '../../network/index.js';
import type { TraceBuilder, TraceProtocol } from './packet-trace.js';

/** TraceContext is what every step of a trace reads: the world, the trace so far, the transport and the random source. */
export interface TraceContext {
  readonly world: NetworkWorld;
  readonly trace: TraceBuilder;
  readonly protocol: TraceProtocol;
  readonly random: Random;
  /** srcIp is the source address, rewritten by SNAT. */
  srcIp: string;
  /** port is the destination port, rewritten by DNAT. */
  port?: number;
}
