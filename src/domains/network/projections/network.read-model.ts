import { Injectable } from '@nestjs/common';
import { notFound } from '../../../platform/kernel/index.js';
import { ProjectionService } from '../../../platform/projections/index.js';
import type { LoadBalancerRecord } from '../model/network.types.js';
import type { ClusterNetwork, NetworkProjectionState } from './network.projection.js';

/** NetworkReadModel answers questions about one account's cluster networks and CLBs; others' are NOT_FOUND. */
@Injectable()
export class NetworkReadModel {
  constructor(private readonly projections: ProjectionService) {}

  /** network is a cluster's network, whatever the account (for the control loop). */
  network(clusterId: string): ClusterNetwork | undefined {
    return this.state().networks[clusterId];
  }

  /** owned is a cluster's network if the account owns it. */
  owned(accountId: string, clusterId: string): ClusterNetwork | undefined {
    const network = this.network(clusterId);
    return network?.settings?.accountId === accountId ? network : undefined;
  }

  /** loadBalancer finds a CLB of the account by id, with its cluster. */
  loadBalancer(accountId: string, id: string, field = 'id'): { clusterId: string; record: LoadBalancerRecord } {
    const clusterId = this.state().loadBalancerClusters[id];
    const record = clusterId === undefined ? undefined : this.owned(accountId, clusterId)?.loadBalancers[id];
    if (!record) throw notFound('loadbalancers', id, field);
    return { clusterId, record };
  }

  /** isVipTaken says whether any live CLB holds the address. */
  isVipTaken(vip: string): boolean {
    return Object.values(this.state().networks).some((n) => Object.values(n.loadBalancers).some((lb) => lb.vip === vip));
  }

  /** isIdTaken says whether a CLB id is in use. */
  isIdTaken(id: string): boolean {
    return this.state().loadBalancerClusters[id] !== undefined;
  }

  /** isPublicIpTaken says whether any CLB, node or NAT gateway holds the public address. */
  isPublicIpTaken(ip: string): boolean {
    return this.isVipTaken(ip) || Object.values(this.state().networks).some(({ egress }) => Object.values(egress.publicIps).some((p) => p.publicIp === ip) || Object.values(egress.natGateways).some((n) => n.publicIp === ip));
  }

  /** isEgressIdTaken says whether a NAT gateway, peering or CDB instance id is in use. */
  isEgressIdTaken(id: string): boolean {
    return Object.values(this.state().networks).some(({ egress }) => id in egress.natGateways || id in egress.peerings || id in egress.cdbInstances);
  }

  /** publicIpOf is the public IP bound to a CVM, if any (public IPs are few, so a scan is cheap). */
  publicIpOf(instanceId: string): string | undefined {
    for (const { egress } of Object.values(this.state().networks)) {
      const found = Object.values(egress.publicIps).find((p) => p.instanceId === instanceId);
      if (found) return found.publicIp;
    }
    return undefined;
  }

  private state(): NetworkProjectionState {
    return this.projections.state<NetworkProjectionState>('network');
  }
}
