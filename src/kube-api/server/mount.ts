/** Mounting the Kubernetes API on the app's HTTP server: requests under `/k8s/` before any body parser, and exec's WebSocket upgrades. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { KubeApiService } from './kube-api.service.js';

type Next = (error?: unknown) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** mountKubeApi routes `/k8s/...` to the facade; call it before listen so it runs ahead of Nest's JSON body parser. */
export function mountKubeApi(app: INestApplication): void {
  const api = app.get(KubeApiService);
  app.use((req: IncomingMessage, res: ServerResponse, next: Next) => {
    if (!req.url?.startsWith('/k8s/')) return next();
    api.handle(req, res).catch(next);
  });
}

/** routeUpgrades sends `/k8s/` upgrades to the facade and every other one to the listeners already there (graphql-ws would refuse ours). */
export function routeUpgrades(app: INestApplication): void {
  const api = app.get(KubeApiService);
  const server = app.getHttpServer() as Server;
  const others = server.listeners('upgrade') as UpgradeListener[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (api.upgrade(req, socket, head)) return;
    for (const listener of others) listener.call(server, req, socket, head);
  });
}
