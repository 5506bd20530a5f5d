import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { TestServer } from '../support/test-server.js';
import { data } from '../support/test-server.js';

/** Step is one thing a scenario does, in order. */
export type Step =
  | { apply: string }
  | { applyFile: string }
  | { advance: number }
  | { addNodes: number | { count: number; instanceType?: string } }
  | { removeNode: string }
  | { failNode: string }
  | { recoverNode: string }
  | { crash: { pod: string; namespace?: string; container?: string } }
  | { delete: { kind: string; name: string; namespace?: string } }
  | { createDisk: { id: string; size: number; type?: string } }
  | { snapshot: string }
  | { trace: { name: string; from: string; to: string; port?: number; protocol?: string } }
  | { assignPublicIp: string }
  | { releasePublicIp: string }
  | { createNatGateway: { bandwidthMbps?: number } | null }
  | { createVpcPeering: { peerVpcCidr?: string; peerVpcId?: string; name?: string; basicNetwork?: boolean } }
  | { createCdbInstance: { name?: string; port?: number } | null };

/** EGRESS_STEPS maps an egress step to its mutation's input type; a string value is a node name. */
const EGRESS_STEPS = {
  assignPublicIp: 'NodePublicIpInput',
  releasePublicIp: 'NodePublicIpInput',
  createNatGateway: 'CreateNatGatewayInput',
  createVpcPeering: 'CreateVpcPeeringInput',
  createCdbInstance: 'CreateCdbInstanceInput',
} as const;

/** Scenario is a `*.input.yaml`: a cluster, its nodes, and the steps. */
export interface Scenario {
  readonly description: string;
  readonly nodes: number;
  readonly instanceType?: string;
  /** networkMode is the cluster's container network (GlobalRouter when omitted). */
  readonly networkMode?: 'GlobalRouter' | 'Flannel';
  readonly steps: readonly Step[];
}

export function readScenario(path: string): Scenario {
  return parse(readFileSync(path, 'utf8')) as Scenario;
}

const STATE = `query ($id: ID!) { cluster(id: $id) {
  nodes { name conditions { type status } taints { key effect } }
  pods { name namespace phase status nodeName podIp containers { name ready restartCount state reason } }
  workloads { kind name namespace replicas readyReplicas manifest }
  events { type reason message count firstTimestamp lastTimestamp source involvedObject { kind namespace name } }
  persistentVolumeClaims { namespace name phase capacity storageClass volumeName diskId }
  persistentVolumes { name phase capacity storageClass claimNamespace claimName diskId zone } }
  disks { id size type zone state attachedTo mounts { namespace pod container mountPath } } }`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const one = (answer: { data?: any; errors?: unknown[] }): any => {
  if (answer.errors?.length) throw new Error(`scenario step failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
};

/** runScenario plays a scenario against a booted server and returns the readable timeline and snapshots. */
export async function runScenario(t: TestServer, scenario: Scenario, root: string) {
  const start = Date.parse(data(await t.gql('mutation { setClockMode(mode: MANUAL) { now } }')).setClockMode.now);
  const input = { name: 'golden', ...(scenario.networkMode ? { networkMode: scenario.networkMode } : {}) };
  const clusterId = one(await t.gql('mutation ($input: CreateClusterInput!) { createCluster(input: $input) { cluster { id } } }', { input })).createCluster.cluster.id as string;
  await t.gql('mutation ($input: AddNodesInput!) { addNodes(input: $input) { cluster { id } } }', { input: { clusterId, count: scenario.nodes, instanceType: scenario.instanceType } });
  const snapshots: Record<string, unknown> = {};
  const traces: Record<string, unknown> = {};
  const state = async () => {
    const answer = one(await t.gql(STATE, { id: clusterId }));
    return { ...answer.cluster, disks: answer.disks };
  };
  for (const step of scenario.steps) {
    if ('trace' in step) traces[step.trace.name] = await trace(t, clusterId, step.trace);
    else await play(t, clusterId, step, root, async (name) => (snapshots[name] = summarize(await state(), start)));
  }
  const final = summarize(await state(), start);
  return { description: scenario.description, snapshots, ...(Object.keys(traces).length > 0 ? { traces } : {}), final };
}

const TRACE = `query ($id: ID!, $input: TracePacketInput!) {
  cluster(id: $id) { networkMode vpc { id cidr } routes { destination nextHop } vpcRoutes { destination hostIp } }
  tracePacket(input: $input) { lines }
}`;

/** trace asks for a packet's path and shows it with the tables it was read from (the global and VPC route tables). */
async function trace(t: TestServer, clusterId: string, step: { from: string; to: string; port?: number; protocol?: string }) {
  const { from, to, port, protocol } = step;
  const answer = one(await t.gql(TRACE, { id: clusterId, input: { clusterId, from, to, port, protocol } }));
  const { networkMode, vpc, routes, vpcRoutes } = answer.cluster;
  return {
    networkMode,
    vpcCidr: vpc.cidr,
    globalRouteTable: routes.map((r: any) => `${r.destination} → ${r.nextHop}`),
    vpcRouteTable: vpcRoutes.map((r: any) => `${r.destination} → host ${r.hostIp}`),
    vpc: vpc.id,
    path: answer.tracePacket.lines,
  };
}

async function play(t: TestServer, clusterId: string, step: Step, root: string, snapshot: (name: string) => Promise<unknown>): Promise<void> {
  const run = async (query: string, variables: Record<string, unknown>) => one(await t.gql(query, { id: clusterId, ...variables }));
  if ('apply' in step || 'applyFile' in step) {
    const yaml = 'apply' in step ? step.apply : readFileSync(join(root, step.applyFile), 'utf8');
    await run('mutation ($id: ID!, $yaml: String!) { applyManifest(input: { clusterId: $id, yaml: $yaml }) { objects { name } } }', { yaml });
  } else if ('advance' in step) await run('mutation ($s: Int!) { advanceClock(seconds: $s) { now } }', { s: step.advance });
  else if ('addNodes' in step) {
    const { count, instanceType } = typeof step.addNodes === 'number' ? { count: step.addNodes, instanceType: undefined } : step.addNodes;
    await run('mutation ($id: ID!, $n: Int!, $type: String) { addNodes(input: { clusterId: $id, count: $n, instanceType: $type }) { cluster { id } } }', { n: count, type: instanceType });
  }
  else if ('removeNode' in step) await run('mutation ($id: ID!, $n: String!) { removeNode(input: { clusterId: $id, nodeName: $n }) { removedNode } }', { n: step.removeNode });
  else if ('failNode' in step) await run('mutation ($id: ID!, $n: String!) { failNode(clusterId: $id, nodeName: $n) { name } }', { n: step.failNode });
  else if ('recoverNode' in step) await run('mutation ($id: ID!, $n: String!) { recoverNode(clusterId: $id, nodeName: $n) { name } }', { n: step.recoverNode });
  else if ('crash' in step) await run('mutation ($id: ID!, $p: String!, $ns: String, $c: String) { crashContainer(clusterId: $id, pod: $p, namespace: $ns, container: $c) { name } }', { p: step.crash.pod, ns: step.crash.namespace ?? 'default', c: step.crash.container ?? null });
  else if ('delete' in step) await run('mutation ($id: ID!, $k: String!, $n: String!, $ns: String) { deleteResource(input: { clusterId: $id, kind: $k, name: $n, namespace: $ns }) { name } }', { k: step.delete.kind, n: step.delete.name, ns: step.delete.namespace ?? 'default' });
  else if ('createDisk' in step) {
    const zone = (await run('query ($id: ID!) { cluster(id: $id) { zone } }', {})).cluster.zone as string;
    const input = { diskId: step.createDisk.id, size: step.createDisk.size, type: step.createDisk.type ?? 'CLOUD_BASIC', zone };
    await run('mutation ($input: CreateDiskInput!) { createDisk(input: $input) { id } }', { input });
  } else if ('snapshot' in step) await snapshot(step.snapshot);
  else await egressStep(t, clusterId, step);
}

/** egressStep runs an egress mutation (public IP, NAT gateway, peering, CDB instance) on the scenario's cluster. */
async function egressStep(t: TestServer, clusterId: string, step: Step): Promise<void> {
  const [mutation, value] = Object.entries(step)[0] as [keyof typeof EGRESS_STEPS, unknown];
  if (!(mutation in EGRESS_STEPS)) return;
  const input = { clusterId, ...(typeof value === 'string' ? { nodeName: value } : ((value as object | null) ?? {})) };
  one(await t.gql(`mutation ($input: ${EGRESS_STEPS[mutation]}!) { ${mutation}(input: $input) { __typename } }`, { input }));
}

const offset = (at: string, start: number): string => `+${((Date.parse(at) - start) / 1000).toFixed(3)}s`;

/** storage renders claims, volumes and disks, only for clusters that have any (older goldens stay as they were). */
function storage(cluster: Record<string, any>) {
  const lines = {
    claims: cluster.persistentVolumeClaims.map((c: any) => `${c.namespace}/${c.name} ${c.phase} ${c.capacity ?? '-'} class=${c.storageClass ?? '-'} volume=${c.volumeName ?? '-'} disk=${c.diskId ?? '-'}`),
    volumes: cluster.persistentVolumes.map((v: any) => `${v.name} ${v.phase} ${v.capacity} class=${v.storageClass} claim=${v.claimNamespace ?? '-'}/${v.claimName ?? '-'} disk=${v.diskId ?? '-'} zone=${v.zone ?? '-'}`),
    disks: cluster.disks.map((d: any) => `${d.id} ${d.size}GB ${d.type} ${d.zone} ${d.state}${d.attachedTo ? ` on ${d.attachedTo}` : ''}${d.mounts.map((m: any) => ` mounted at ${m.mountPath} by ${m.namespace}/${m.pod}/${m.container}`).join('')}`),
  };
  return Object.fromEntries(Object.entries(lines).filter(([, list]) => list.length > 0));
}

/** summarize renders a cluster's state as a reviewer reads it: pods, workloads, nodes, storage, and the Kubernetes events in time order. */
function summarize(cluster: Record<string, any>, start: number) {
  return {
    ...storage(cluster),
    nodes: cluster.nodes.map((n: any) => `${n.name} Ready=${n.conditions.find((c: any) => c.type === 'Ready')?.status}${n.taints.length ? ` taints=${n.taints.map((x: any) => `${x.key}:${x.effect}`).join(',')}` : ''}`),
    pods: cluster.pods.map((p: any) => `${p.namespace}/${p.name} ${p.status} on ${p.nodeName ?? '<none>'} ip=${p.podIp ?? '<none>'} restarts=${p.containers.reduce((a: number, c: any) => a + c.restartCount, 0)}`),
    workloads: cluster.workloads.map((w: any) => `${w.kind} ${w.namespace}/${w.name} ${w.readyReplicas}/${w.replicas} ready`),
    timeline: [...cluster.events]
      .sort((a: any, b: any) => Date.parse(a.firstTimestamp) - Date.parse(b.firstTimestamp))
      .map((e: any) => `${offset(e.firstTimestamp, start)} ${e.involvedObject.kind} ${e.involvedObject.namespace ? `${e.involvedObject.namespace}/` : ''}${e.involvedObject.name} ${e.type} ${e.reason}: ${e.message}${e.count > 1 ? ` (x${e.count}, last ${offset(e.lastTimestamp, start)})` : ''} [${e.source}]`),
  };
}
