export * from './trace/packet-trace.js';
export * from './trace/trace-packet.js';
