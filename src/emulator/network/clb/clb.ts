import type { Random } from '../world/network-world.js';

/** ClbBackend is one node registered behind a listener, reached on the service's node port. */
export interface ClbBackend {
  readonly nodeName: string;
  readonly ip: string;
  readonly port: number;
  readonly weight: number;
}

/** ClbListener forwards one service port to every backend node's node port. */
export interface ClbListener {
  readonly name?: string;
  readonly protocol: 'TCP' | 'UDP';
  readonly port: number;
  readonly nodePort: number;
  readonly backends: readonly ClbBackend[];
}

/** Clb is a cloud load balancer (`lb-xxxxxxxx`) the cloud provider made for a Service of type LoadBalancer. */
export interface Clb {
  readonly id: string;
  readonly vip: string;
  readonly service: { readonly namespace: string; readonly name: string };
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly listeners: readonly ClbListener[];
}

/** CLB_BACKEND_WEIGHT is the weight the cloud provider gives every node (10, Tencent Cloud's default). */
export const CLB_BACKEND_WEIGHT = 10;

/** newClbId draws a load balancer id in Tencent Cloud's shape, `lb-` and 8 lowercase letters or digits. */
export function newClbId(random: Random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'lb-';
  for (let i = 0; i < 8; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
}
