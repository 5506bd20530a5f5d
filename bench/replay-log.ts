import { randomUUID } from 'node:crypto';
import { clusterDecider } from '../src/domains/cluster/cluster/cluster.decider.js';
import { clusterNameStream, clusterStream, type ClusterState } from '../src/domains/cluster/cluster/cluster.types.js';
import { DEFAULT_KUBERNETES_VERSION } from '../src/domains/cluster/cluster/kubernetes-versions.js';
import { DEFAULT_INSTANCE_TYPE, DEFAULT_REGION, DEFAULT_ZONE } from '../src/emulator/iaas/index.js';
import { clockDecider, clockStream } from '../src/platform/clock/clock.decider.js';
import type { EventStore, StreamAppend } from '../src/platform/event-store/index.js';
import type { Decider } from '../src/platform/kernel/decider.js';
import type { DomainEvent, EventMetadata } from '../src/platform/kernel/events.js';
import { uniqueNameDecider } from '../src/platform/naming/unique-name.decider.js';
import { accountDecider, accountStream } from '../src/platform/tenancy/account.decider.js';
import { hashToken, tokenId } from '../src/platform/tenancy/tokens.js';

/** The log's shape: per account, 20 clusters of 5 x 10 nodes added and 10 removed; every tenth cluster deleted. */
export const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100);
const CLUSTERS_PER_ACCOUNT = 20;
const ADD_CALLS = 5;
const NODES_PER_ADD = 10;
const REMOVALS = 10;
const START = Date.parse('2026-11-28T00:00:00.000Z');

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** Aggregate is one stream's decider state, as the command pipeline would load it. */
class Aggregate<S, C, E extends DomainEvent> {
  state: S;
  version = 0;

  constructor(readonly streamId: string, private readonly decider: Decider<S, C, E>) {
    this.state = decider.initialState;
  }

  decide(command: C): StreamAppend {
    return { streamId: this.streamId, expectedVersion: this.version, events: this.decider.decide(command, this.state) };
  }

  evolve(events: readonly DomainEvent[]): void {
    for (const event of events) this.state = this.decider.evolve(this.state, event as E);
    this.version += events.length;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Target = readonly [Aggregate<any, any, any>, unknown];

/** AccountClient plays one account's API calls in order: decide on the current state, append, evolve. */
class AccountClient {
  private now: number;
  private draws = 0;
  private readonly accountId: string;
  private readonly tokenHash: string;
  events = 0;

  constructor(private readonly store: EventStore, private readonly index: number) {
    this.accountId = `acct-${index}`;
    this.now = START + index * 1000;
    this.tokenHash = hashToken(`tks_bench_${index}`);
  }

  private tick(): string {
    this.now += 1000;
    return new Date(this.now).toISOString();
  }

  private async run(at: string, actor: string, drew: number, targets: readonly Target[]): Promise<void> {
    this.draws += drew;
    const commandId = randomUUID();
    const metadata: EventMetadata = {
      accountId: this.accountId,
      actor,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      wallTime: new Date().toISOString(),
      virtualTime: at,
      ...(drew > 0 ? { randomDraws: this.draws } : {}),
    };
    const streams = targets.map(([aggregate, command]) => aggregate.decide(command));
    const written = await this.store.append({ streams, metadata });
    if (written.status !== 'committed') throw new Error(`${this.accountId}: unexpected ${written.status}`);
    targets.forEach(([aggregate], i) => aggregate.evolve(streams[i].events));
    this.events += written.events.length;
  }

  async play(): Promise<void> {
    const { accountId } = this;
    const account = new Aggregate(accountStream(accountId), accountDecider);
    const clock = new Aggregate(clockStream(accountId), clockDecider);
    let at = this.tick();
    const token = { tokenId: tokenId(this.tokenHash), tokenHash: this.tokenHash, label: 'initial' };
    await this.run(at, 'admin', 0, [
      [account, { type: 'CreateAccount', data: { name: accountId, randomSeed: this.index, createdAt: at, token } }],
      [clock, { type: 'StartClock', data: { mode: 'realtime', speed: 1, at, wallAt: at } }],
    ]);
    const actor = `token:${token.tokenId}`;
    const second = hashToken(`tks_bench_${this.index}_ci`);
    at = this.tick();
    await this.run(at, actor, 0, [
      [account, { type: 'IssueToken', data: { accountId, tokenId: tokenId(second), tokenHash: second, label: 'ci', issuedAt: at } }],
    ]);
    for (let c = 0; c < CLUSTERS_PER_ACCOUNT; c++) await this.cluster(actor, c);
  }

  private async cluster(actor: string, c: number): Promise<void> {
    const { accountId } = this;
    const clusterId = `cls-${hex8(this.index * 1000 + c)}`;
    const name = `demo-${c}`;
    const cluster = new Aggregate(clusterStream(clusterId), clusterDecider);
    const claim = new Aggregate(clusterNameStream(accountId, name), uniqueNameDecider);
    let at = this.tick();
    const spec = {
      name, description: `bench cluster ${c}`, region: DEFAULT_REGION, zone: DEFAULT_ZONE, vpcCidr: '172.0.0.0/24',
      podCidr: '10.0.0.0/14', serviceCidr: '172.16.0.0/16', kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    };
    await this.run(at, actor, 8, [
      [cluster, { type: 'CreateCluster', data: { ...spec, clusterId, accountId, createdAt: at } }],
      [claim, { type: 'ClaimName', data: { name, owner: clusterId, resource: 'clusters', field: 'name' } }],
    ]);
    for (let k = 0; k < ADD_CALLS; k++) {
      at = this.tick();
      const instanceIds = Array.from({ length: NODES_PER_ADD }, (_, i) => `ins-${hex8((this.index * 1000 + c) * 64 + k * NODES_PER_ADD + i)}`);
      const data = { accountId, clusterId, count: NODES_PER_ADD, instanceType: DEFAULT_INSTANCE_TYPE, instanceIds, at };
      await this.run(at, actor, 8 * NODES_PER_ADD, [[cluster, { type: 'AddNodes', data }]]);
    }
    for (let r = 0; r < REMOVALS; r++) {
      at = this.tick();
      const nodes = Object.keys((cluster.state as ClusterState).nodes);
      const nodeName = nodes[(r * 7) % nodes.length];
      await this.run(at, actor, 0, [[cluster, { type: 'RemoveNode', data: { accountId, clusterId, nodeName, at } }]]);
    }
    if (c % 10 === 9) {
      at = this.tick();
      await this.run(at, actor, 0, [
        [cluster, { type: 'DeleteCluster', data: { accountId, clusterId, at } }],
        [claim, { type: 'ReleaseName', data: { name, owner: clusterId } }],
      ]);
    }
  }
}

/** generateLog plays ACCOUNTS clients concurrently through the EventStore (so appends group-commit) and counts events. */
export async function generateLog(store: EventStore): Promise<number> {
  const clients = Array.from({ length: ACCOUNTS }, (_, i) => new AccountClient(store, i));
  await Promise.all(clients.map((client) => client.play()));
  return clients.reduce((sum, client) => sum + client.events, 0);
}
