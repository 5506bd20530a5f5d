import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { AppModule } from './app.module.js';
import type { TkesimConfig } from './platform/config/tkesim-config.js';
import { SandboxService } from './platform/tenancy/sandbox.service.js';
import { mountKubeApi, routeUpgrades } from './kube-api/server/mount.js';

/** RunningServer is a started tkesim: its app, where it listens, and the sandbox token. */
export interface RunningServer {
  readonly app: INestApplication;
  readonly port: number;
  readonly url: string;
  readonly sandboxToken: string;
  close(): Promise<void>;
}

/** startServer boots tkesim on the given configuration and listens. */
export async function startServer(config: TkesimConfig, logLevels: LogLevel[] | false = ['error', 'warn']): Promise<RunningServer> {
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: logLevels, forceCloseConnections: true });
  app.enableShutdownHooks();
  mountKubeApi(app);
  await app.listen(config.port, config.host);
  routeUpgrades(app);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    app,
    port,
    url: `http://${host}:${port}`,
    sandboxToken: app.get(SandboxService).token,
    close: () => app.close(),
  };
}
