import { allProjections } from '../../../src/app.projections.js';
import { EventStore } from '../../../src/platform/event-store/index.js';
import { ProjectionEngine, ProjectionService, rebuildFromZero } from '../../../src/platform/projections/index.js';
import { ADD_NODES, CREATE_CLUSTER, REMOVE_NODE } from '../../support/cluster-operations.js';
import { testDatabases } from '../../support/databases.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

const APPLY = `mutation ($id: ID!, $yaml: String!) { applyManifest(input: { clusterId: $id, yaml: $yaml }) { objects { name } } }`;
const TRACE = `query ($input: TracePacketInput!) { tracePacket(input: $input) { delivered dropCode dropReason hops { at table lookup decision } lines } }`;
const EGRESS = `query ($id: ID!) { cluster(id: $id) { nodes { name publicIp } publicIps { nodeName publicIp } natGateways { id publicIp bandwidthMbps vpcId }
  vpcPeerings { id name peerVpcId peerVpcCidr basicNetwork } cdbInstances { id name vip port hostIp } vpcRoutes { destination hostIp nodeName cdbInstanceId } } }`;
const CREATE_NAT = `mutation ($input: CreateNatGatewayInput!) { createNatGateway(input: $input) { id publicIp bandwidthMbps } }`;
const DELETE_NAT = `mutation ($input: DeleteNatGatewayInput!) { deleteNatGateway(input: $input) { id } }`;
const ASSIGN = `mutation ($input: NodePublicIpInput!) { assignPublicIp(input: $input) { nodeName publicIp } }`;
const RELEASE = `mutation ($input: NodePublicIpInput!) { releasePublicIp(input: $input) { nodeName publicIp } }`;
const PEER = `mutation ($input: CreateVpcPeeringInput!) { createVpcPeering(input: $input) { id name peerVpcId peerVpcCidr basicNetwork } }`;
const CDB = `mutation ($input: CreateCdbInstanceInput!) { createCdbInstance(input: $input) { id name vip port hostIp } }`;
const EVENT_COUNT = `query { events(streamPrefix: "network-", first: 500) { nodes { type } } }`;

const pods = `apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { nodeName: 172.0.0.2, containers: [{ name: busybox, image: busybox }] }
---
apiVersion: v1
kind: Pod
metadata: { name: worker }
spec: { nodeName: 172.0.0.3, containers: [{ name: busybox, image: busybox }] }
`;
type Hop = { at: string; table: string; lookup: string; decision: string };
const snat = (hops: Hop[]) => hops.filter((h) => h.decision.startsWith('SNAT')).map((h) => `${h.at}: ${h.decision}`);

describe.each(testDatabases())('egress: public IPs, NAT gateways, peerings and CDB instances on $name', (database) => {
  let t: TestServer;
  let id: string;
  const trace = async (to: string, from = 'default/client', port?: number) => data(await t.gql(TRACE, { input: { clusterId: id, from, to, port } })).tracePacket;
  const egress = async () => data(await t.gql(EGRESS, { id })).cluster;
  const eventCount = async () => data(await t.gql(EVENT_COUNT)).events.nodes.length;
  let nat: { id: string; publicIp: string };
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config() });
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
    id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'egress' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 2 } });
    data(await t.gql(APPLY, { id, yaml: pods }));
    await t.gql('mutation { advanceClock(seconds: 5) { now } }');
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  it('with neither a public IP nor a NAT gateway, a pod reaching an external host is dropped for want of a gateway', async () => {
    const result = await trace('www.qq.com');
    expect(result).toMatchObject({ delivered: false, dropCode: 'NoGateway', dropReason: `no gateway: node 172.0.0.2 has no public IP and vpc-${id.slice(4)} has no NAT gateway` });
  });

  it('with a NAT gateway, the pod is masqueraded to its node and SNATed to the NAT gateway\'s public IP', async () => {
    nat = data(await t.gql(CREATE_NAT, { input: { clusterId: id } })).createNatGateway;
    expect(nat).toMatchObject({ id: expect.stringMatching(/^nat-[a-z0-9]{8}$/), publicIp: expect.stringMatching(/^119\.28\./), bandwidthMbps: 100 });
    const result = await trace('www.qq.com');
    expect(result.delivered).toBe(true);
    expect(snat(result.hops)).toEqual([`NAT gateway ${nat.id}: SNAT 172.0.0.2 → ${nat.publicIp}`]);
    expect((await egress()).natGateways).toEqual([{ ...nat, vpcId: `vpc-${id.slice(4)}` }]);
  });

  it('with a node public IP, that node\'s pods leave through it (preferred over the NAT gateway); other nodes still use the NAT gateway', async () => {
    const eip = data(await t.gql(ASSIGN, { input: { clusterId: id, nodeName: '172.0.0.2' } })).assignPublicIp;
    expect(eip).toMatchObject({ nodeName: '172.0.0.2', publicIp: expect.stringMatching(/^119\.28\./) });
    expect(eip.publicIp).not.toBe(nat.publicIp);
    expect(snat((await trace('www.qq.com')).hops)).toEqual([`public gateway: SNAT 172.0.0.2 → ${eip.publicIp}`]);
    expect(snat((await trace('203.0.113.7', 'default/worker')).hops)).toEqual([`NAT gateway ${nat.id}: SNAT 172.0.0.3 → ${nat.publicIp}`]);
    expect((await egress()).nodes).toEqual([{ name: '172.0.0.2', publicIp: eip.publicIp }, { name: '172.0.0.3', publicIp: null }]);
    expect(data(await t.gql(RELEASE, { input: { clusterId: id, nodeName: '172.0.0.2' } })).releasePublicIp).toEqual(eip);
    expect(snat((await trace('www.qq.com')).hops)).toEqual([`NAT gateway ${nat.id}: SNAT 172.0.0.2 → ${nat.publicIp}`]);
  });

  it('a peered VPC\'s address goes through the VPC gateway and the peering', async () => {
    const peering = data(await t.gql(PEER, { input: { clusterId: id, peerVpcCidr: '192.168.0.0/16', name: 'billing' } })).createVpcPeering;
    expect(peering).toMatchObject({ id: expect.stringMatching(/^pcx-[a-z0-9]{8}$/), name: 'billing', peerVpcId: expect.stringMatching(/^vpc-/), basicNetwork: false });
    const result = await trace('192.168.3.4');
    expect(result.delivered).toBe(true);
    expect(result.hops.map((h: Hop) => `${h.at} | ${h.table} | ${h.decision}`)).toContain(`VPC gateway | peering connections | forward to VPC ${peering.peerVpcId}`);
    const basic = data(await t.gql(PEER, { input: { clusterId: id, basicNetwork: true } })).createVpcPeering;
    expect(basic).toMatchObject({ peerVpcId: null, peerVpcCidr: '10.64.0.0/10', basicNetwork: true });
    expect((await trace('10.64.1.1')).hops.at(-1)).toMatchObject({ at: 'VPC gateway', decision: 'forward to the basic network' });
  });

  it('a CDB instance gets a VIP from the VPC, away from the nodes, and pods reach it inside the VPC by id or VIP', async () => {
    const cdb = data(await t.gql(CDB, { input: { clusterId: id, name: 'orders' } })).createCdbInstance;
    expect(cdb).toMatchObject({ id: expect.stringMatching(/^cdb-[a-z0-9]{8}$/), name: 'orders', vip: '172.0.0.254', port: 3306, hostIp: '10.173.1.1' });
    for (const to of [cdb.id, cdb.vip]) {
      const result = await trace(to, 'default/client', 3306);
      expect(result.delivered).toBe(true);
      expect(result.hops.at(-1)).toMatchObject({ at: `CDB ${cdb.id} (172.0.0.254)`, decision: 'delivered' });
      expect(snat(result.hops)).toEqual([]);
    }
    expect((await egress()).vpcRoutes).toContainEqual({ destination: '172.0.0.254', hostIp: '10.173.1.1', nodeName: null, cdbInstanceId: cdb.id });
  });

  it('rejects bad input naming the field, with nothing half-applied', async () => {
    const before = await eventCount();
    const before2 = await egress();
    expect(errorOf(await t.gql(PEER, { input: { clusterId: id, peerVpcCidr: '10.1.0.0/16' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.peerVpcCidr', message: 'peerVpcCidr: Invalid value: "10.1.0.0/16": overlaps with podCidr 10.0.0.0/14' });
    expect(errorOf(await t.gql(PEER, { input: { clusterId: id, peerVpcCidr: '192.168.7.0/24' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.peerVpcCidr' });
    expect(errorOf(await t.gql(PEER, { input: { clusterId: id, peerVpcCidr: '300.1.0.0/16' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.peerVpcCidr' });
    expect(errorOf(await t.gql(ASSIGN, { input: { clusterId: id, nodeName: '172.0.0.9' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.nodeName', message: 'nodes "172.0.0.9" not found' });
    expect(errorOf(await t.gql(CREATE_NAT, { input: { clusterId: id, bandwidthMbps: 30 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bandwidthMbps' });
    expect(errorOf(await t.gql(CDB, { input: { clusterId: id, port: 70000 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.port' });
    expect(data(await t.gql(DELETE_NAT, { input: { clusterId: id, natGatewayId: nat.id } })).deleteNatGateway).toEqual({ id: nat.id });
    const afterDelete = await eventCount();
    expect(afterDelete).toBe(before + 1);
    expect(errorOf(await t.gql(DELETE_NAT, { input: { clusterId: id, natGatewayId: nat.id } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.natGatewayId', message: `natgateways "${nat.id}" not found` });
    expect(await eventCount()).toBe(afterDelete);
    expect(await egress()).toEqual({ ...before2, natGateways: [] });
    expect((await trace('www.qq.com')).dropCode).toBe('NoGateway');
  });

  it('a node removed takes its public IP with it; a later node given the same name does not inherit it', async () => {
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 1 } });
    data(await t.gql(ASSIGN, { input: { clusterId: id, nodeName: '172.0.0.4' } }));
    await t.gql(REMOVE_NODE, { input: { clusterId: id, nodeName: '172.0.0.4' } });
    expect((await egress()).publicIps).toEqual([]);
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 1 } });
    expect((await egress()).nodes.map((n: { name: string; publicIp: string | null }) => `${n.name}=${n.publicIp}`)).toEqual(['172.0.0.2=null', '172.0.0.3=null', '172.0.0.4=null']);
  });

  it('rebuilding the read models from the log equals the live ones', async () => {
    const rebuilt = await rebuildFromZero(t.app.get(EventStore), new ProjectionEngine(allProjections));
    expect(rebuilt.serialize()).toBe(t.app.get(ProjectionService).engine.serialize());
  });
});
