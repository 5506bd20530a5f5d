export * from './trace/packet-trace.js';
export * from './trace/trace-packet.js';
export * from './traffic/backend-health.js';
export * from './traffic/simulate-traffic.js';
export * from './ingress/simulate-request.js';
export * from './trace/format-trace.js';
