import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Timer } from '../../../emulator/clock/index.js';
import { objectKey } from '../../../emulator/kube/index.js';
import { ClockService } from '../../../platform/clock/clock.service.js';
import type { CommandEnv } from '../../../platform/commands/command-env.js';
import { CommandPipeline, viewTarget } from '../../../platform/commands/command-pipeline.js';
import type { StoredEvent } from '../../../platform/kernel/index.js';
import { ProjectionService } from '../../../platform/projections/index.js';
import { AccountsService } from '../../../platform/tenancy/accounts.service.js';
import { decideKube } from '../kube/kube.decider.js';
import type { KubeObjectsState } from '../kube/kube-objects.projection.js';
import { kubeStream, type KubeCluster, type KubeCommand } from '../kube/kube.types.js';
import { planNodeHealth } from '../kube/node-health.js';
import { ControllerGates } from './controller-gates.js';
import { ClusterWatch } from './cluster-watch.js';
import { KubeletQueue } from './kubelet-step.js';
import { ClusterLoopExtensions } from './loop-extensions.js';
import { leavesSchedulingAlone, SchedulerCache, SchedulingQueue } from './scheduling-step.js';
import { BURST_REPLICAS, controllers, controllersWakeAt, type Controller } from '../../../emulator/controllers/index.js';
import type { DiskInventory } from '../../../emulator/storage/index.js';

const MAX_ROUNDS = 100;
/** CONTROLLER_BURSTS bounds the syncs one controller makes in a round while it keeps creating full bursts of pods. */
const CONTROLLER_BURSTS = 4;
const NO_DISKS: ReturnType<DiskInventory['disksFor']> = new Map();

/** ClusterEmulator is the control loop inside every cluster: the scheduler and the kubelets, acting only through commands. */
@Injectable()
export class ClusterEmulator implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('ClusterEmulator');
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, Timer>();
  private readonly scheduling = new SchedulingQueue();
  private readonly gates = new ControllerGates();
  private readonly snapshots = new SchedulerCache();
  private readonly schedulerWatch = new ClusterWatch(leavesSchedulingAlone);
  private readonly kubeletWatch = new ClusterWatch();
  private readonly kubelets = new Map<string, KubeletQueue>();
  private readonly controllers: readonly Controller[] = controllers;
  private draining: Promise<void> | undefined;
  private disks: DiskInventory | undefined;

  constructor(
    private readonly projections: ProjectionService,
    private readonly pipeline: CommandPipeline,
    private readonly clocks: ClockService,
    private readonly accounts: AccountsService,
    private readonly extensions: ClusterLoopExtensions,
  ) {}

  onModuleInit(): void {
    this.projections.onApplied((events) => this.observe(events));
  }

  onApplicationBootstrap(): void {
    for (const id of Object.keys(this.state().clusters)) {
      this.gates.wake(id);
      this.touch(id);
    }
  }

  /** idle resolves once every cluster has settled: nothing due now is left undone. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** wake makes a cluster's control loop run, for a change it would not see itself (a disk operation finishing). */
  wake(clusterId: string): void {
    if (this.state().clusters[clusterId]) this.touch(clusterId);
  }

  /** useDisks lets the scheduler's volume plugins see the account's CBS disks (their zones and attachments). */
  useDisks(inventory: DiskInventory): void {
    this.disks = inventory;
  }

  private observe(events: readonly StoredEvent[]): void {
    for (const event of events) {
      const clusterId = (event.data as { clusterId?: string } | null)?.clusterId;
      if (!clusterId) continue;
      this.scheduling.observe(clusterId, event);
      this.schedulerWatch.observe(clusterId, event);
      this.kubeletWatch.observe(clusterId, event);
      this.gates.observe(clusterId, event);
      this.touch(clusterId);
    }
  }

  private touch(clusterId: string): void {
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

  /** settle runs controllers, the scheduler and the kubelets until nothing more is due now, then arms a timer for what comes next. */
  private async settle(clusterId: string): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const cluster = this.state().clusters[clusterId];
      if (!cluster) return;
      const now = this.clocks.now(cluster.accountId);
      const health = planNodeHealth(cluster, now);
      let acted = false;
      if (health.unreachable.length + health.reachable.length + health.evict.length > 0) {
        const { unreachable, reachable, evict } = health;
        acted = await this.issue(cluster, 'node-controller', { type: 'UpdateNodeHealth', data: { clusterId, at: '', unreachable, reachable, evict } });
      }
      acted = (await this.runControllers(cluster)) || acted;
      acted = (await this.schedulePods(clusterId, cluster)) || acted;
      const kubelets = this.kubelets.get(clusterId) ?? this.kubelets.set(clusterId, new KubeletQueue()).get(clusterId)!;
      const current = this.state().clusters[clusterId] ?? cluster;
      kubelets.refresh(current, this.kubeletWatch.take(clusterId), this.seedOf(cluster.accountId));
      const plan = kubelets.due(current, now);
      for (const { stage, pods } of plan.due) {
        acted = (await this.issue(cluster, 'kubelet', { type: 'AdvancePods', data: { clusterId, at: '', stage, pods: [...pods] } })) || acted;
      }
      // Other domains' controllers run last, so the cluster's own order within a round is what it was without them.
      for (const extension of this.extensions.steps) {
        const live = this.state().clusters[clusterId];
        if (live) acted = (await extension.step(live, now)) || acted;
      }
      if (!acted) {
        const live = this.state().clusters[clusterId] ?? cluster;
        const wake = controllersWakeAt(live, new Date(now).toISOString());
        const extensions = this.extensions.steps.reduce<number | undefined>((at, extension) => earliest(at, extension.wakeAt(clusterId)), undefined);
        const due = earliest(earliest(plan.nextDueAt, health.nextDueAt), wake === undefined ? undefined : Date.parse(wake));
        return this.arm(cluster, earliest(due, extensions));
      }
    }
    this.logger.warn(`cluster ${clusterId} did not settle in ${MAX_ROUNDS} rounds`);
  }

  /**
   * runControllers runs every controller once; a controller that created a full burst of pods (burstReplicas) syncs
   * again, up to CONTROLLER_BURSTS times, before the scheduler runs: kube-controller-manager resyncs a ReplicaSet as
   * soon as it sees its pods created, racing ahead of the scheduler, rather than waiting for them to be bound.
   */
  private async runControllers(cluster: KubeCluster): Promise<boolean> {
    const { clusterId } = cluster;
    let acted = false;
    let again: ReadonlySet<string> | undefined;
    for (let pass = 0; pass < CONTROLLER_BURSTS && (pass === 0 || again!.size > 0); pass++) {
      const bursting = new Set<string>();
      for (const controller of this.controllers) {
        if (again && !again.has(controller.name)) continue;
        if (!this.gates.open(controller.name, clusterId, this.state().clusters[clusterId] ?? cluster)) continue;
        const changed = await this.issue(cluster, controller.name, (env, live) => {
          const actions = live ? controller.reconcile({ store: live, now: env.at, random: env.random }) : [];
          if (actions.some((a) => a.type === 'createPods' && a.names.length >= BURST_REPLICAS)) bursting.add(controller.name);
          return { type: 'ReconcileObjects', data: { clusterId, at: env.at, controller: controller.name, actions } };
        });
        this.gates.ran(controller.name, clusterId, changed);
        acted = changed || acted;
      }
      again = bursting;
    }
    return acted;
  }

  /** schedulePods runs a scheduling cycle for every pending pod on the cached snapshot; it says whether anything changed. */
  private async schedulePods(clusterId: string, cluster: KubeCluster): Promise<boolean> {
    const current = this.state().clusters[clusterId] ?? cluster;
    const pending = this.scheduling.pending(current);
    if (pending.length === 0) {
      // kube-scheduler's cache follows nodes and pods as its informers report them, whether or not a pod waits: so does
      // this one, and the first pod of a workload finds the nodes already there.
      this.snapshots.snapshot(current, this.schedulerWatch.take(clusterId));
      return false;
    }
    let attempts = 0;
    const changed = await this.issue(cluster, 'scheduler', (env, live) => {
      if (attempts++ > 0) this.snapshots.invalidate(clusterId);
      const state = live ?? cluster;
      const snapshot = this.snapshots.snapshot(state, this.schedulerWatch.take(clusterId));
      snapshot.volumes = { store: state, disks: this.disks?.disksFor(cluster.accountId, clusterId) ?? NO_DISKS };
      return { type: 'SchedulePods', data: { clusterId, at: env.at, ...this.scheduling.run(state, snapshot, pending, env.random) } };
    });
    this.schedulerWatch.touch(clusterId, pending.map((p) => objectKey(p.metadata.namespace, p.metadata.name!)));
    return changed;
  }

  /** issue runs one command as a system component against the cluster's live objects; it says whether anything changed. */
  private async issue(cluster: KubeCluster, component: string, command: KubeCommand | ((env: CommandEnv, live: KubeCluster | undefined) => KubeCommand)): Promise<boolean> {
    const ctx = { accountId: cluster.accountId, actor: `system:${component}` };
    const type = typeof command === 'function' ? component : command.type;
    return this.pipeline.run(ctx, { type, payload: { clusterId: cluster.clusterId } }, (env) => {
      const live = this.state().clusters[cluster.clusterId];
      const built = typeof command === 'function' ? command(env, live) : command;
      const stamped = { ...built, data: { ...built.data, at: env.at } } as KubeCommand;
      return {
        targets: [viewTarget(decideKube, kubeStream(cluster.clusterId), stamped, { state: live, version: live?.streamVersion ?? 0 })],
        result: (events) => events.length > 0,
        quietWhenNoEvents: true,
      };
    });
  }

  /** arm sets the cluster's one timer at its earliest future due time. */
  private arm(cluster: KubeCluster, dueAt: number | undefined): void {
    const clock = this.clocks.clockOf(cluster.accountId);
    const current = this.timers.get(cluster.clusterId);
    if (current && current.dueAt === dueAt) return;
    if (current) clock.cancel(current);
    this.timers.delete(cluster.clusterId);
    if (dueAt === undefined) return;
    const timer = clock.schedule(dueAt, `kubelet ${cluster.clusterId}`, async () => {
      this.timers.delete(cluster.clusterId);
      this.touch(cluster.clusterId);
      await this.idle();
    });
    this.timers.set(cluster.clusterId, timer);
  }

  private seedOf(accountId: string): number {
    return this.accounts.find(accountId)?.randomSeed ?? 0;
  }

  private state(): KubeObjectsState {
    return this.projections.state<KubeObjectsState>('kubeObjects');
  }
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function first(set: Set<string>): string | undefined {
  return set.values().next().value;
}
