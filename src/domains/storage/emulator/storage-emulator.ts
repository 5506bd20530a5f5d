import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { getObject, LABEL_ZONE, type Node } from '../../../emulator/kube/index.js';
import { ATTACH_DETACH_CONTROLLER, PV_CONTROLLER, type StorageWorld } from '../../../emulator/storage/index.js';
import { ClockService } from '../../../platform/clock/clock.service.js';
import type { CommandEnv } from '../../../platform/commands/command-env.js';
import { CommandPipeline, target, viewTarget, type DecisionTarget } from '../../../platform/commands/command-pipeline.js';
import { isDomainError, type StoredEvent } from '../../../platform/kernel/index.js';
import { ProjectionService } from '../../../platform/projections/index.js';
import { ClusterEmulator, ClusterLoopExtensions, decideKube, kubeStream, type ClusterLoopStep, type KubeCluster, type KubeObjectsState, type ObjectAction } from '../../cluster/index.js';
import { diskDecider } from '../disk/disk.decider.js';
import { diskStream, type DiskCommand } from '../disk/disk.types.js';
import { DisksReadModel } from '../projections/disks.read-model.js';
import { DiskTimers } from './disk-timers.js';
import { hasStorage, mentionsStorage } from './storage-relevance.js';
import { attachPass, binderPass } from './volume-passes.js';

/**
 * StorageEmulator is the PV binder and the attach/detach controller of every cluster with storage, and the CBS timers,
 * acting only through commands. Its passes run as a step of each cluster's control loop, so their commands interleave
 * with the cluster's own in one deterministic order.
 */
@Injectable()
export class StorageEmulator implements ClusterLoopStep, OnModuleInit, OnApplicationBootstrap {
  readonly name = 'storage';
  private readonly logger = new Logger('StorageEmulator');
  private readonly relevant = new Set<string>();
  private readonly timers: DiskTimers;

  constructor(
    private readonly projections: ProjectionService,
    private readonly pipeline: CommandPipeline,
    clocks: ClockService,
    private readonly clusters: ClusterEmulator,
    private readonly disks: DisksReadModel,
    private readonly extensions: ClusterLoopExtensions,
  ) {
    this.timers = new DiskTimers(clocks, (accountId, diskId) => this.complete(accountId, diskId));
  }

  onModuleInit(): void {
    this.projections.onApplied((events) => this.observe(events));
    this.extensions.register(this);
    this.clusters.useDisks(this.disks);
  }

  onApplicationBootstrap(): void {
    for (const cluster of Object.values(this.kube().clusters)) if (hasStorage(cluster)) this.touch(cluster.clusterId, true);
    for (const disk of this.disks.all()) this.timers.arm(disk.id, disk);
  }

  private observe(events: readonly StoredEvent[]): void {
    for (const event of events) {
      const data = event.data as { clusterId?: string; diskId?: string } | null;
      if (event.streamId.startsWith('disk-') && data?.diskId) {
        this.timers.arm(data.diskId, this.disks.all().find((d) => d.id === data.diskId));
        if (data.clusterId) this.relevant.add(data.clusterId);
        for (const cluster of Object.values(this.kube().clusters)) if (cluster.accountId === event.metadata.accountId) this.touch(cluster.clusterId);
        continue;
      }
      if (data?.clusterId) this.touch(data.clusterId, mentionsStorage(event));
    }
  }

  /** touch marks a cluster as one with storage (once it is) and wakes its control loop. */
  private touch(clusterId: string, relevant = false): void {
    if (relevant) this.relevant.add(clusterId);
    if (this.relevant.has(clusterId)) this.clusters.wake(clusterId);
  }

  wakeAt(): number | undefined {
    return undefined;
  }

  /** step runs one binder pass and one attach/detach pass on a cluster with storage; it says whether anything changed. */
  async step(cluster: KubeCluster): Promise<boolean> {
    if (!this.relevant.has(cluster.clusterId)) return false;
    return this.settle(cluster.clusterId).catch((error) => {
      this.logger.error(`cluster ${cluster.clusterId}: ${error instanceof Error ? error.stack : error}`);
      return false;
    });
  }

  /** settle runs one binder pass and one attach/detach pass, and says whether they committed anything. */
  private async settle(clusterId: string): Promise<boolean> {
    const cluster = this.kube().clusters[clusterId];
    if (!cluster) return this.relevant.delete(clusterId) && false;
    const bound = await this.issue(cluster, PV_CONTROLLER, (env, world) => {
      const pass = binderPass(world);
      const disks = [
        ...pass.createDisks.map((d): DiskCommand => ({ type: 'CreateDisk', data: { accountId: cluster.accountId, diskId: d.diskId, size: d.size, diskType: d.diskType, zone: d.zone, at: env.at } })),
        ...pass.deleteDisks.map((diskId): DiskCommand => ({ type: 'DeleteDisk', data: { accountId: cluster.accountId, diskId, at: env.at } })),
      ];
      return { actions: pass.actions, disks };
    });
    const attached = await this.issue(cluster, ATTACH_DETACH_CONTROLLER, (_env, world) => attachPass(world));
    let acted = bound.changed || attached.changed;
    for (const a of attached.planned?.attach ?? []) {
      const node = getObject<Node>(cluster, 'Node', undefined, a.nodeName);
      const nodeZone = node?.metadata.labels?.[LABEL_ZONE] ?? '';
      acted = (await this.disk(cluster.accountId, (env) => ({ type: 'AttachDisk', data: { accountId: cluster.accountId, diskId: a.diskId, nodeName: a.nodeName, nodeZone, disksOnNode: a.disksOnNode, clusterId, byController: true, at: env.at } }))) || acted;
    }
    for (const d of attached.planned?.detach ?? []) acted = (await this.disk(cluster.accountId, (env) => ({ type: 'DetachDisk', data: { accountId: cluster.accountId, diskId: d.diskId, at: env.at } }))) || acted;
    return acted;
  }

  /** issue runs one controller pass as a command: its API writes on the cluster's stream, and any disk commands, all or nothing. */
  private async issue<P extends { actions: ObjectAction[]; disks?: DiskCommand[] }>(
    cluster: KubeCluster,
    controller: string,
    plan: (env: CommandEnv, world: StorageWorld) => P,
  ): Promise<{ planned: P | undefined; changed: boolean }> {
    const ctx = { accountId: cluster.accountId, actor: `system:${controller}` };
    let planned: P | undefined;
    const changed = await this.pipeline.run(ctx, { type: controller, payload: { clusterId: cluster.clusterId } }, (env) => {
      const live = this.kube().clusters[cluster.clusterId];
      if (!live) return { targets: [], result: () => false, quietWhenNoEvents: true };
      const world: StorageWorld = { store: live, now: env.at, random: env.random, disks: this.disks.disksFor(cluster.accountId, cluster.clusterId) };
      planned = plan(env, world);
      const targets: DecisionTarget[] = (planned.disks ?? []).map((c) => target(diskDecider, diskStream(c.data.diskId), c));
      if (planned.actions.length > 0) {
        const command = { type: 'ReconcileObjects' as const, data: { clusterId: cluster.clusterId, at: env.at, controller, actions: planned.actions } };
        targets.unshift(viewTarget(decideKube, kubeStream(cluster.clusterId), command, { state: live, version: live.streamVersion }));
      }
      return { targets, result: (events) => events.length > 0, quietWhenNoEvents: true };
    });
    return { planned, changed };
  }

  /** disk asks CBS for one operation; a refusal (the disk changed since the pass looked) is logged, and the next pass looks again. */
  private async disk(accountId: string, build: (env: CommandEnv) => DiskCommand): Promise<boolean> {
    const ctx = { accountId, actor: `system:${ATTACH_DETACH_CONTROLLER}` };
    return this.pipeline
      .run(ctx, { type: 'AttachDetach', payload: null }, (env) => {
        const command = build(env);
        return { targets: [target(diskDecider, diskStream(command.data.diskId), command)], result: (events) => events.length > 0, quietWhenNoEvents: true };
      })
      .catch((error) => (isDomainError(error) ? (this.logger.debug?.(error.message), false) : Promise.reject(error)));
  }

  /** complete is a disk timer firing: the pending CBS operation finishes, and the clusters settle on it. */
  private async complete(accountId: string, diskId: string): Promise<void> {
    await this.pipeline.run({ accountId, actor: 'system:cbs' }, { type: 'CompleteDiskOperation', payload: { diskId } }, (env) => ({
      targets: [target(diskDecider, diskStream(diskId), { type: 'CompleteDiskOperation', data: { diskId, at: env.at } } satisfies DiskCommand)],
      quietWhenNoEvents: true,
    }));
    await this.clusters.idle();
  }

  private kube(): KubeObjectsState {
    return this.projections.state<KubeObjectsState>('kubeObjects');
  }
}
