import { ADD_NODES, CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { bootTestServer, data } from '../../support/test-server.js';

it('smoke', async () => {
  const t = await bootTestServer();
  try {
    await t.gql('mutation { setClockMode(mode: MANUAL) { mode } }');
    const id = data(await t.gql(CREATE_CLUSTER, { input: { name: 'n' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId: id, count: 2 } });
    const r = await t.gql(`query ($id: ID!) { cluster(id: $id) { networkMode routeQuota vpc { id cidr } routes { destination nextHop nodeName } vpcRoutes { destination hostIp } nodes { name conditions { type status reason } } } }`, { id });
    console.log(JSON.stringify(r, null, 1));
    const tr = await t.gql(`query ($i: TracePacketInput!) { tracePacket(input: $i) { delivered lines } }`, { i: { clusterId: id, from: '172.0.0.2', to: '172.0.0.3' } });
    console.log(JSON.stringify(tr, null, 1));
  } finally {
    await t.close();
  }
});
