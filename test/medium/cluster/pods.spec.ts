import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabases } from '../../support/databases.js';
import { ADD_NODES, CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

const seed = (file: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'seed', file), 'utf8');
const APPLY = `mutation ($input: ApplyManifestInput!) { applyManifest(input: $input) { objects { kind namespace name action } } }`;
const PODS = `query ($id: ID!) { cluster(id: $id) {
  pods { name phase status nodeName podIp hostIp conditions { type status reason } containers { name ready state reason restartCount }
         scheduling { nodeName attempts message filtered { node plugin reason } finalScores { node score } } }
  events(involvedObject: { kind: "Pod" }) { type reason message count source involvedObject { kind name } } } }`;
const ADVANCE = `mutation ($s: Int!) { advanceClock(seconds: $s) { now } }`;

describe.each(testDatabases())('pods on $name', (database) => {
  let t: TestServer;
  let clusterId: string;
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config() });
    await t.gql(`mutation { setClockMode(mode: MANUAL) { mode } }`);
    clusterId = data(await t.gql(CREATE_CLUSTER, { input: { name: 'pods' } })).createCluster.cluster.id;
    await t.gql(ADD_NODES, { input: { clusterId, count: 2 } });
    // The seed's pod mounts CBS disk disk-echj2drf: it must exist in the cluster's zone.
    const zone = data(await t.gql('query ($id: ID!) { cluster(id: $id) { zone } }', { id: clusterId })).cluster.zone;
    data(await t.gql('mutation ($zone: String!) { createDisk(input: { diskId: "disk-echj2drf", size: 10, zone: $zone }) { id } }', { zone }));
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  it('schedules the seed\'s nginx pod, creates its container, and runs it once its disk is attached and the image pulled', async () => {
    const applied = data(await t.gql(APPLY, { input: { clusterId, yaml: seed('nginx-cbs-pod.yaml') } })).applyManifest.objects;
    expect(applied).toEqual([{ kind: 'Pod', namespace: 'default', name: 'nginx', action: 'created' }]);

    let cluster = data(await t.gql(PODS, { id: clusterId })).cluster;
    expect(cluster.pods[0]).toMatchObject({ phase: 'Pending', status: 'ContainerCreating', podIp: expect.stringMatching(/^10\.0\.[01]\.2$/) });
    expect(cluster.pods[0].scheduling).toMatchObject({ attempts: 1, nodeName: cluster.pods[0].nodeName });
    expect(cluster.pods[0].scheduling.finalScores).toHaveLength(2);

    await t.gql(ADVANCE, { s: 5 });
    cluster = data(await t.gql(PODS, { id: clusterId })).cluster;
    expect(cluster.pods[0]).toMatchObject({ phase: 'Running', status: 'Running', containers: [{ name: 'nginx', ready: true, state: 'running', restartCount: 0 }] });
    expect(cluster.events.map((e: { reason: string }) => e.reason)).toEqual(['Scheduled', 'Pulling', 'SuccessfulAttachVolume', 'Pulled', 'Created', 'Started']);
    expect(cluster.events[0]).toMatchObject({ source: 'default-scheduler', message: `Successfully assigned default/nginx to ${cluster.pods[0].nodeName}` });

    expect(data(await t.gql(APPLY, { input: { clusterId, yaml: seed('nginx-cbs-pod.yaml') } })).applyManifest.objects[0].action).toBe('unchanged');
  });

  it('leaves a pod too big for every node Pending with kube-scheduler\'s message', async () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: { name: huge }
spec:
  containers: [{ name: app, image: nginx, resources: { requests: { cpu: "64" } } }]
`;
    await t.gql(APPLY, { input: { clusterId, yaml } });
    const pod = data(await t.gql(PODS, { id: clusterId })).cluster.pods.find((p: { name: string }) => p.name === 'huge');
    expect(pod).toMatchObject({ phase: 'Pending', status: 'Pending', nodeName: null });
    expect(pod.conditions).toContainEqual({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' });
    expect(pod.scheduling.message).toBe('0/2 nodes are available: 2 Insufficient cpu.');
  });

  it('rejects an invalid manifest listing every problem, applying nothing', async () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: { name: Bad_Name }
spec:
  containers: [{ name: app, image: nginx, resources: { requests: { cpu: 2x } } }]
`;
    const answer = await t.gql(APPLY, { input: { clusterId, yaml } });
    const error = errorOf(answer);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.yaml' });
    const details = answer.errors![0].extensions as unknown as { details: string[] };
    expect(details.details.some((d) => d.includes('spec.containers[0].resources.requests.cpu: Invalid value: "2x": must be a quantity'))).toBe(true);
    expect(details.details.some((d) => d.includes('metadata.name: Invalid value: "Bad_Name"'))).toBe(true);
  });

  it('deletes a running pod gracefully', async () => {
    await t.gql(`mutation ($input: DeleteResourceInput!) { deleteResource(input: $input) { name } }`, { input: { clusterId, kind: 'Pod', name: 'nginx' } });
    let pods = data(await t.gql(PODS, { id: clusterId })).cluster.pods;
    expect(pods.find((p: { name: string }) => p.name === 'nginx').status).toBe('Terminating');
    await t.gql(ADVANCE, { s: 2 });
    pods = data(await t.gql(PODS, { id: clusterId })).cluster.pods;
    expect(pods.map((p: { name: string }) => p.name)).toEqual(['huge']);
  });
});
