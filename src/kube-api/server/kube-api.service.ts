/** KubeApiService serves `/k8s/<clusterId>/...`: it authenticates, finds the cluster, and routes to discovery, reads, writes, watch, logs and exec. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ClusterEmulator, DeleteResourceCommand, KubeReadModel, withHeartbeats, WriteObjectCommand, type KubeCluster } from '../../domains/cluster/index.js';
import { servedObject } from './served-object.js';
import { ClockService } from '../../platform/clock/clock.service.js';
import type { CommandContext } from '../../platform/commands/command-context.js';
import { AccountsService } from '../../platform/tenancy/accounts.service.js';
import { actorOf, type AccountCaller } from '../../platform/tenancy/caller.js';
import { findResource, groupVersionOf } from '../discovery/api-resources.js';
import { parsePath, stripClusterPrefix, type ResourcePath } from '../paths/parse-path.js';
import { methodNotAllowed, pathNotFound, unauthorized, type Status } from '../status/status.js';
import { serveDiscovery } from './discovery-routes.js';
import { domainStatus } from './domain-status.js';
import { serveExec, rejectUpgrade } from './exec.js';
import { bearerToken, KubeApiError, sendStatus } from './http-io.js';
import { serveLogs } from './logs.js';
import { serveResource, type ResourceRequest } from './resource-routes.js';
import type { ReadScope } from './reads.js';
import type { DomainWrites } from './writes.js';
import { WatchHub } from './watch-hub.js';

/** Target is an authenticated request's cluster and caller. */
interface Target {
  caller: AccountCaller;
  cluster: KubeCluster;
  prefix: string;
  path: ReturnType<typeof parsePath>;
}

/** KubeApiService answers every `/k8s/<clusterId>` request and exec upgrade for the clusters a token opens. */
@Injectable()
export class KubeApiService {
  private readonly hub = new WatchHub();

  constructor(
    private readonly accounts: AccountsService,
    private readonly kube: KubeReadModel,
    private readonly commands: CommandBus,
    private readonly emulator: ClusterEmulator,
    private readonly clocks: ClockService,
  ) {}

  /** target authenticates the request for its cluster; every failure is the same 401, so nobody learns which clusters exist. */
  private target(req: IncomingMessage): Target | Status {
    const split = stripClusterPrefix(req.url ?? '/');
    if (!split) return pathNotFound();
    // kubectl sends no credentials to an http:// server, so a kubeconfig also carries its token in the path: /k8s/<clusterId>~<token>.
    const [clusterId, pathToken] = split.clusterId.split('~');
    const caller = this.accounts.authenticate(bearerToken(req) ?? pathToken);
    if (caller.kind !== 'account' || (caller.clusterId !== undefined && caller.clusterId !== clusterId)) return unauthorized();
    const cluster = this.kube.cluster(caller.accountId, clusterId);
    if (!cluster) return unauthorized();
    this.hub.feed(cluster);
    return { caller, cluster, prefix: `/k8s/${encodeURIComponent(split.clusterId)}`, path: parsePath(split.path) };
  }

  private scope(t: Target, path: ResourcePath): ReadScope {
    const resource = findResource(path.group, path.version, path.resource);
    if (!resource) throw new KubeApiError(pathNotFound());
    const now = this.clocks.now(t.caller.accountId);
    return { store: t.cluster, resource, namespace: resource.namespaced ? path.namespace : undefined, now, view: (o) => servedObject(withHeartbeats(t.cluster, o, now), groupVersionOf(resource.group, resource.version)) };
  }

  private writes(t: Target, correlationId: string): DomainWrites {
    const ctx: CommandContext = { accountId: t.caller.accountId, actor: actorOf(t.caller), correlationId };
    const clusterId = t.cluster.clusterId;
    return {
      write: async (object, mode) => {
        await this.commands.execute(new WriteObjectCommand(ctx, { clusterId, object, mode }));
        await this.emulator.idle();
      },
      delete: async (kind, namespace, name, propagationPolicy) => {
        await this.commands.execute(new DeleteResourceCommand(ctx, { clusterId, kind, namespace: namespace ?? null, name, propagationPolicy }));
        await this.emulator.idle();
      },
    };
  }

  /** handle answers one HTTP request under `/k8s/`. */
  async handle(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
    const t = this.target(req);
    if ('kind' in t) return sendStatus(res, t);
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    let name = '';
    try {
      if (t.path.type !== 'resource') return serveDiscovery(t.path, req, res, t.prefix);
      const scope = this.scope(t, t.path);
      name = t.path.name ?? '';
      if (t.path.subresource === 'log' && req.method === 'GET') return serveLogs(res, scope, name, query, () => this.clocks.now(t.caller.accountId));
      if (t.path.subresource === 'exec') throw new KubeApiError(methodNotAllowed({ group: '', resource: 'pods/exec' }, 'Upgrade to WebSocket'));
      const request: ResourceRequest = { req, res, query, path: t.path, scope, hub: this.hub, now: new Date(scope.now).toISOString() };
      await serveResource(request, this.writes(t, `k8s:${req.method}:${req.url}`));
    } catch (error) {
      if (res.headersSent) return void res.end();
      const scope = t.path.type === 'resource' ? findResource(t.path.group, t.path.version, t.path.resource) : undefined;
      sendStatus(res, error instanceof KubeApiError ? error.status : domainStatus(error, scope ?? { group: '', version: 'v1', resource: 'unknown', kind: 'Unknown' } as never, name));
    }
  }

  /** upgrade answers `pods/exec` WebSocket upgrades; it returns false for paths it does not serve. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (!req.url?.startsWith('/k8s/')) return false;
    const t = this.target(req);
    if ('kind' in t) return rejectUpgrade(socket, t), true;
    try {
      if (t.path.type !== 'resource' || t.path.subresource !== 'exec' || !t.path.name) throw new KubeApiError(pathNotFound());
      serveExec(req, socket, head, this.scope(t, t.path), t.path.name, new URL(req.url, 'http://x').searchParams);
    } catch (error) {
      rejectUpgrade(socket, error instanceof KubeApiError ? error.status : pathNotFound());
    }
    return true;
  }
}
