import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CommandEnv } from '../../../platform/commands/command-env.js';
import { CommandPipeline, viewTarget, type DecisionTarget } from '../../../platform/commands/command-pipeline.js';
import { ClusterLoopExtensions, ClustersReadModel, KubeReadModel, reconcileObjectsTarget, type ClusterLoopStep, type ClusterView, type KubeCluster, type ObjectAction } from '../../cluster/index.js';
import { networkDecider } from '../model/network.decider.js';
import { networkStream, type NetworkCommand } from '../model/network.types.js';
import type { ClusterNetwork } from '../projections/network.projection.js';
import { NetworkReadModel } from '../projections/network.read-model.js';
import { networkNodes } from '../world/network-world.builder.js';
import { LOAD_BALANCER_PROVISIONING_MS, nextReadyAt, planLoadBalancers, type LoadBalancerChange } from './load-balancer-plan.js';
import { planRoutes } from './route-plan.js';
import { NetworkInterest } from './network-interest.js';
import { ProjectionService } from '../../../platform/projections/index.js';

/** MAX_CHANGES_PER_PASS bounds the CLB changes one pass makes; the cluster's loop runs another pass if more remain. */
const MAX_CHANGES_PER_PASS = 50;

type Planned = { network: NetworkCommand | undefined; actions: ObjectAction[] } | undefined;

/** NetworkLoop is the cloud provider's controllers inside each cluster's control loop: the route controller, and the service and ingress controllers that keep CLBs. */
@Injectable()
export class NetworkLoop implements ClusterLoopStep, OnModuleInit {
  readonly name = 'network';
  private readonly interest = new NetworkInterest();

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly extensions: ClusterLoopExtensions,
    private readonly clusters: ClustersReadModel,
    private readonly networks: NetworkReadModel,
    private readonly kube: KubeReadModel,
    private readonly projections: ProjectionService,
  ) {}

  onModuleInit(): void {
    this.extensions.register(this);
    this.projections.onApplied((events) => {
      for (const event of events) this.interest.observe(event);
    });
  }

  wakeAt(clusterId: string): number | undefined {
    return nextReadyAt(this.networks.network(clusterId));
  }

  async step(kube: KubeCluster, now: number): Promise<boolean> {
    const wake = this.wakeAt(kube.clusterId);
    if (this.interest.isSettled(kube.clusterId) && (wake === undefined || wake > now)) return false;
    const cluster = this.clusters.find(kube.accountId, kube.clusterId);
    const network = this.networks.network(kube.clusterId);
    if (!cluster || !network || !this.due(cluster, kube, network, new Date(now).toISOString())) {
      this.interest.settle(kube.clusterId);
      return false;
    }
    let acted = await this.issue(kube, 'route-controller', (env, live, network) => {
      const plan = planRoutes(network, networkNodes(cluster, live), live, env.at);
      if (plan.add.length + plan.remove.length + plan.actions.length === 0) return undefined;
      return { network: { type: 'ReconcileRoutes', data: { clusterId: kube.clusterId, at: env.at, add: plan.add, remove: plan.remove } }, actions: plan.actions };
    });
    for (let i = 0; i < MAX_CHANGES_PER_PASS; i++) {
      const changed = await this.issue(kube, 'service-controller', (env, live, network) => {
        const [change] = planLoadBalancers(network, networkNodes(cluster, live), live, env.at);
        return change && this.command(change, cluster, env);
      });
      if (!changed) break;
      acted = true;
    }
    return acted;
  }

  /** due says, without a command, whether the route or the CLB controllers have anything to do (an idle pass costs no commit). */
  private due(cluster: ClusterView, kube: KubeCluster, network: ClusterNetwork, at: string): boolean {
    const nodes = networkNodes(cluster, kube);
    const routes = planRoutes(network, nodes, kube, at);
    return routes.add.length + routes.remove.length + routes.actions.length > 0 || planLoadBalancers(network, nodes, kube, at).length > 0;
  }

  /** command turns one CLB change into the network command and the Kubernetes writes that go with it. */
  private command(change: LoadBalancerChange, cluster: ClusterView, env: CommandEnv): Planned {
    const clusterId = cluster.id;
    const ref = { clusterId, at: env.at };
    switch (change.type) {
      case 'provision': {
        const identity = this.identity(env);
        const readyAt = new Date(env.now + LOAD_BALANCER_PROVISIONING_MS).toISOString();
        const { kind, namespace, name } = change;
        const data = { ...identity, clusterId, kind, namespace, name, createdAt: env.at, readyAt, spec: change.specFor(identity) };
        return { network: { type: 'ProvisionLoadBalancer', data }, actions: change.actions };
      }
      case 'ensure':
        return { network: { type: 'EnsureLoadBalancer', data: { ...ref, id: change.id } }, actions: change.actions };
      case 'update':
        return { network: { type: 'UpdateLoadBalancer', data: { ...ref, id: change.id, spec: change.spec } }, actions: change.actions };
      case 'delete':
        return { network: { type: 'DeleteLoadBalancer', data: { ...ref, id: change.id } }, actions: change.actions };
    }
  }

  /** identity draws a CLB id (`lb-` and 8 characters) and a public VIP from the account's generator, redrawing any taken. */
  private identity(env: CommandEnv): { id: string; vip: string } {
    let id = `lb-${env.random.chars(8)}`;
    while (this.networks.isIdTaken(id)) id = `lb-${env.random.chars(8)}`;
    const draw = (): string => `118.89.${env.random.int(256)}.${2 + env.random.int(252)}`;
    let vip = draw();
    while (this.networks.isVipTaken(vip)) vip = draw();
    return { id, vip };
  }

  /** issue plans against the live cluster and network (re-planned if either moved on) and commits both in one append. */
  private issue(kube: KubeCluster, component: string, plan: (env: CommandEnv, live: KubeCluster, network: ClusterNetwork) => Planned): Promise<boolean> {
    const ctx = { accountId: kube.accountId, actor: `system:${component}` };
    return this.pipeline.run(ctx, { type: component, payload: { clusterId: kube.clusterId } }, (env) => {
      const live = this.kube.cluster(kube.accountId, kube.clusterId);
      const network = this.networks.network(kube.clusterId);
      const planned = live && network ? plan(env, live, network) : undefined;
      const targets: DecisionTarget[] = [];
      if (planned?.network && network) targets.push(viewTarget(networkDecider.decide, networkStream(kube.clusterId), planned.network, { state: network, version: network.streamVersion }));
      if (planned && live && planned.actions.length > 0) targets.push(reconcileObjectsTarget(live, component, planned.actions, env.at));
      return { targets, result: (events) => events.length > 0, quietWhenNoEvents: true };
    });
  }

}
