import type { PacketTrace } from './packet-trace.js';

/** formatTrace renders a trace as numbered lines a learner can read (and a golden file can hold). */
export function formatTrace(trace: PacketTrace): string[] {
  const lines = trace.hops.map((h, i) => `${i + 1}. [${h.at}] ${h.table}${h.lookup ? `: ${h.lookup}` : ''} → ${h.decision}${h.detail ? ` (${h.detail})` : ''}`);
  for (const e of trace.encapsulations) lines.push(`encapsulation: ${e}`);
  lines.push(trace.delivered ? `delivered, ${trace.overheadBytes} bytes of in-guest overhead` : `dropped: ${trace.dropReason}`);
  return lines;
}
