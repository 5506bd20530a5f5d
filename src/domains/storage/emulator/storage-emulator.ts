import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { getObject, LABEL_ZONE, type Node } from '../../../emulator/kube/index.js';
import { ATTACH_DETACH_CONTROLLER, PV_CONTROLLER, type StorageWorld } from '../../../emulator/storage/index.js';
import { ClockService } from '../../../platform/clock/clock.service.js';
import type { CommandEnv } from '../../../platform/commands/command-env.js';
import { CommandPipeline, target, viewTarget, type DecisionTarget } from '../../../platform/commands/command-pipeline.js';
import { isDomainError, type StoredEvent } from '../../../platform/kernel/index.js';
import { ProjectionService } from '../../../platform/projections/index.js';
import { ClusterEmulator, decideKube, kubeStream, type KubeCluster, type KubeObjectsState, type ObjectAction } from '../../cluster/index.js';
import { diskDecider } from '../disk/disk.decider.js';
import { diskStream, type DiskCommand } from '../disk/disk.types.js';
import { DisksReadModel } from '../projections/disks.read-model.js';
import { DiskTimers } from './disk-timers.js';
import { hasStorage, mentionsStorage } from './storage-relevance.js';
import { attachPass, binderPass } from './volume-passes.js';

/** StorageEmulator is the PV binder and the attach/detach controller of every cluster with storage, and the CBS timers, acting only through commands. */
@Injectable()
export class StorageEmulator implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('StorageEmulator');
  private readonly dirty = new Set<string>();
  private readonly relevant = new Set<string>();
  private readonly timers: DiskTimers;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly projections: ProjectionService,
    private readonly pipeline: CommandPipeline,
    clocks: ClockService,
    private readonly clusters: ClusterEmulator,
    private readonly disks: DisksReadModel,
  ) {
    this.timers = new DiskTimers(clocks, (accountId, diskId) => this.complete(accountId, diskId));
  }

  onModuleInit(): void {
    this.projections.onApplied((events) => this.observe(events));
    this.clusters.follow(() => this.draining);
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

  private touch(clusterId: string, relevant = false): void {
    if (relevant) this.relevant.add(clusterId);
    if (!this.relevant.has(clusterId)) return;
    this.dirty.add(clusterId);
    this.draining ??= new Promise<void>((resolve) => setImmediate(() => void this.drain().finally(resolve)));
  }

  private async drain(): Promise<void> {
    try {
      for (let id = first(this.dirty); id !== undefined; id = first(this.dirty)) {
        this.dirty.delete(id);
        await this.settle(id).catch((error) => this.logger.error(`cluster ${id}: ${error instanceof Error ? error.stack : error}`));
      }
    } finally {
      this.draining = undefined;
      if (this.dirty.size > 0) this.touch(first(this.dirty)!);
    }
  }

  /** settle runs one binder pass and one attach/detach pass; what they commit touches the cluster again until nothing changes. */
  private async settle(clusterId: string): Promise<void> {
    const cluster = this.kube().clusters[clusterId];
    if (!cluster) return void this.relevant.delete(clusterId);
    await this.issue(cluster, PV_CONTROLLER, (env, world) => {
      const pass = binderPass(world);
      const disks = [
        ...pass.createDisks.map((d): DiskCommand => ({ type: 'CreateDisk', data: { accountId: cluster.accountId, diskId: d.diskId, size: d.size, diskType: d.diskType, zone: d.zone, at: env.at } })),
        ...pass.deleteDisks.map((diskId): DiskCommand => ({ type: 'DeleteDisk', data: { accountId: cluster.accountId, diskId, at: env.at } })),
      ];
      return { actions: pass.actions, disks };
    });
    const pass = await this.issue(cluster, ATTACH_DETACH_CONTROLLER, (_env, world) => attachPass(world));
    for (const a of pass?.attach ?? []) {
      const node = getObject<Node>(cluster, 'Node', undefined, a.nodeName);
      const nodeZone = node?.metadata.labels?.[LABEL_ZONE] ?? '';
      await this.disk(cluster.accountId, (env) => ({ type: 'AttachDisk', data: { accountId: cluster.accountId, diskId: a.diskId, nodeName: a.nodeName, nodeZone, disksOnNode: a.disksOnNode, clusterId, at: env.at } }));
    }
    for (const d of pass?.detach ?? []) await this.disk(cluster.accountId, (env) => ({ type: 'DetachDisk', data: { accountId: cluster.accountId, diskId: d.diskId, at: env.at } }));
  }

  /** issue runs one controller pass as a command: its API writes on the cluster's stream, and any disk commands, all or nothing. */
  private async issue<P extends { actions: ObjectAction[]; disks?: DiskCommand[] }>(cluster: KubeCluster, controller: string, plan: (env: CommandEnv, world: StorageWorld) => P): Promise<P | undefined> {
    const ctx = { accountId: cluster.accountId, actor: `system:${controller}` };
    let planned: P | undefined;
    await this.pipeline.run(ctx, { type: controller, payload: { clusterId: cluster.clusterId } }, (env) => {
      const live = this.kube().clusters[cluster.clusterId];
      if (!live) return { targets: [], quietWhenNoEvents: true };
      const world: StorageWorld = { store: live, now: env.at, random: env.random, disks: this.disks.disksFor(cluster.accountId, cluster.clusterId) };
      planned = plan(env, world);
      const targets: DecisionTarget[] = (planned.disks ?? []).map((c) => target(diskDecider, diskStream(c.data.diskId), c));
      if (planned.actions.length > 0) {
        const command = { type: 'ReconcileObjects' as const, data: { clusterId: cluster.clusterId, at: env.at, controller, actions: planned.actions } };
        targets.unshift(viewTarget(decideKube, kubeStream(cluster.clusterId), command, { state: live, version: live.streamVersion }));
      }
      return { targets, quietWhenNoEvents: true };
    });
    return planned;
  }

  /** disk asks CBS for one operation; a refusal (the disk changed since the pass looked) is logged, and the next pass looks again. */
  private async disk(accountId: string, build: (env: CommandEnv) => DiskCommand): Promise<void> {
    const ctx = { accountId, actor: `system:${ATTACH_DETACH_CONTROLLER}` };
    await this.pipeline
      .run(ctx, { type: 'AttachDetach', payload: null }, (env) => {
        const command = build(env);
        return { targets: [target(diskDecider, diskStream(command.data.diskId), command)], quietWhenNoEvents: true };
      })
      .catch((error) => (isDomainError(error) ? this.logger.debug?.(error.message) : Promise.reject(error)));
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

function first(set: Set<string>): string | undefined {
  return set.values().next().value;
}
