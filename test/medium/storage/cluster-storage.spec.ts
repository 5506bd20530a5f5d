import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabases } from '../../support/databases.js';
import { ADD_NODES, CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { ADVANCE, APPLY, CREATE_DISK, DISK, STORAGE } from '../../support/storage-operations.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

const SEED_CLASS = readFileSync(join(process.cwd(), 'test', 'fixtures', 'seed', 'cbs-storageclass.yaml'), 'utf8');
const claim = (name: string, o: { modes?: string; className?: string; size?: string } = {}) => `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${name} }
spec:
  accessModes: [${o.modes ?? 'ReadWriteOnce'}]
  resources: { requests: { storage: ${o.size ?? '10Gi'} } }
${o.className === undefined ? '' : `  storageClassName: "${o.className}"`}`;
const cbsPod = (name: string, node: string, diskId = 'disk-echj2drf') => `
apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeSelector: { kubernetes.io/hostname: "${node}" }
  containers: [{ name: nginx, image: nginx, volumeMounts: [{ name: test, mountPath: /mnt }] }]
  volumes: [{ name: test, qcloudCbs: { cbsDiskId: ${diskId}, fsType: ext4 } }]`;

/** StorageClasses, claims and volumes through applyManifest and cluster(id), and CBS volumes following pods. */
describe.each(testDatabases())('cluster storage on $name', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config() });
    await t.gql('mutation { setClockMode(mode: MANUAL) { now } }');
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  const cluster = async (name: string, nodes = 2): Promise<string> => {
    const id = data(await t.gql(CREATE_CLUSTER, { input: { name } })).createCluster.cluster.id as string;
    await t.gql(ADD_NODES, { input: { clusterId: id, count: nodes } });
    return id;
  };
  const apply = async (id: string, yaml: string) => data(await t.gql(APPLY, { id, yaml })).applyManifest.objects;
  const storage = async (id: string) => data(await t.gql(STORAGE, { id })).cluster;
  const warnings = async (id: string, name: string) =>
    (await storage(id)).events.filter((e: any) => e.involvedObject.name === name && e.type === 'Warning').map((e: any) => `${e.reason}: ${e.message}`);

  it("applies the seed's v1beta1 StorageClass unchanged, and provisions a claim: Bound to a new 10 GB CBS disk", async () => {
    const id = await cluster('provision');
    expect(await apply(id, `${SEED_CLASS}\n---\n${claim('data')}`)).toEqual([
      { kind: 'StorageClass', name: 'cbs', action: 'created' },
      { kind: 'PersistentVolumeClaim', name: 'data', action: 'created' },
    ]);
    const read = await storage(id);
    expect(read.storageClasses).toEqual([
      { name: 'cbs', provisioner: 'cloud.tencent.com/qcloud-cbs', diskType: 'CLOUD_BASIC', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: false, isDefault: true },
    ]);
    const [pvc] = read.persistentVolumeClaims;
    const [pv] = read.persistentVolumes;
    expect(pvc).toMatchObject({ name: 'data', phase: 'Bound', capacity: '10Gi', requested: '10Gi', storageClass: 'cbs', volumeName: pv.name, diskId: pv.diskId });
    expect(pv).toMatchObject({ phase: 'Bound', capacity: '10Gi', accessModes: ['ReadWriteOnce'], reclaimPolicy: 'Delete', storageClass: 'cbs', claimNamespace: 'default', claimName: 'data', zone: read.zone });
    expect(data(await t.gql(DISK, { id: pv.diskId })).disk).toMatchObject({ size: 10, type: 'CLOUD_BASIC', zone: read.zone, state: 'UNATTACHED' });
    expect(read.events.map((e: any) => e.reason)).toContain('ProvisioningSucceeded');
  });

  it('gives a class-less claim the default class, and leaves it Pending with Kubernetes\' message when there is none', async () => {
    const id = await cluster('no-default');
    await apply(id, claim('orphan'));
    expect((await storage(id)).persistentVolumeClaims[0]).toMatchObject({ phase: 'Pending', storageClass: null });
    const events = (await storage(id)).events.map((e: any) => `${e.reason}: ${e.message}`);
    expect(events).toContain('FailedBinding: no persistent volumes available for this claim and no storage class is set');
  });

  it('refuses a ReadWriteMany claim with ProvisioningFailed: CBS is ReadWriteOnce only', async () => {
    const id = await cluster('rwx');
    await apply(id, `${SEED_CLASS}\n---\n${claim('shared', { modes: 'ReadWriteMany' })}`);
    expect((await storage(id)).persistentVolumeClaims[0].phase).toBe('Pending');
    expect(await warnings(id, 'shared')).toEqual([
      'ProvisioningFailed: Failed to provision volume with StorageClass "cbs": invalid AccessModes [ReadWriteMany]: only AccessModes [ReadWriteOnce] are supported',
    ]);
  });

  it('provisions a WaitForFirstConsumer claim only once its pod is scheduled, in the node\'s zone, and the pod runs on it', async () => {
    const id = await cluster('late');
    const late = SEED_CLASS.replace('name: cbs', 'name: late').replace('provisioner:', 'volumeBindingMode: WaitForFirstConsumer\nprovisioner:');
    await apply(id, `${late}\n---\n${claim('data', { className: 'late' })}`);
    expect((await storage(id)).persistentVolumeClaims[0].phase).toBe('Pending');
    expect((await storage(id)).events.map((e: any) => e.message)).toContain('waiting for first consumer to be created before binding');
    const pod = cbsPod('db', '172.0.0.3').replace('qcloudCbs: { cbsDiskId: disk-echj2drf, fsType: ext4 }', 'persistentVolumeClaim: { claimName: data }');
    await apply(id, pod);
    await t.gql(ADVANCE, { s: 10 });
    const read = await storage(id);
    expect(read.persistentVolumeClaims[0]).toMatchObject({ phase: 'Bound', storageClass: 'late' });
    expect(read.persistentVolumes[0].zone).toBe(read.zone);
    expect(data(await t.gql(DISK, { id: read.persistentVolumes[0].diskId })).disk).toMatchObject({ state: 'ATTACHED', attachedTo: '172.0.0.3' });
    expect(read.pods.map((p: any) => [p.name, p.status])).toEqual([['db', 'Running']]);
  });

  it('binds a static PV by class, size and access mode', async () => {
    const id = await cluster('static');
    const pv = `apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: pv-static }\nspec:\n  capacity: { storage: 20Gi }\n  accessModes: [ReadWriteOnce]\n  storageClassName: manual\n  qcloudCbs: { cbsDiskId: disk-0static0, fsType: ext4 }`;
    await apply(id, `${pv}\n---\n${claim('small', { className: 'manual', size: '5Gi' })}`);
    const read = await storage(id);
    expect(read.persistentVolumeClaims[0]).toMatchObject({ phase: 'Bound', volumeName: 'pv-static', capacity: '20Gi', diskId: 'disk-0static0' });
    expect(read.persistentVolumes[0]).toMatchObject({ phase: 'Bound', claimName: 'small', reclaimPolicy: 'Retain' });
  });

  it('refuses a StorageClass with a disk type CBS does not have, naming the field, with nothing of the manifest applied', async () => {
    const id = await cluster('bad-class', 1);
    const bad = SEED_CLASS.replace('type: cbs', 'type: gold');
    const answer = await t.gql(APPLY, { id, yaml: `${bad}\n---\n${claim('data')}` });
    expect(errorOf(answer)).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'StorageClass "cbs" is invalid: parameters[type]: Unsupported value: "gold": supported values: "CLOUD_BASIC", "CLOUD_PREMIUM", "CLOUD_SSD", "cbs"',
    });
    const read = await storage(id);
    expect([read.storageClasses, read.persistentVolumeClaims]).toEqual([[], []]);
  });

  it('attaches an inline disk to one node at a time: the second pod waits with Multi-Attach, and gets the disk once the first is gone', async () => {
    const id = await cluster('multi-attach');
    const zone = (await storage(id)).zone;
    await t.gql(CREATE_DISK, { input: { diskId: 'disk-0multi00', size: 10, zone } });
    await apply(id, cbsPod('a', '172.0.0.2', 'disk-0multi00'));
    await t.gql(ADVANCE, { s: 5 });
    await apply(id, cbsPod('b', '172.0.0.3', 'disk-0multi00'));
    await t.gql(ADVANCE, { s: 5 });
    const pods = Object.fromEntries((await storage(id)).pods.map((p: any) => [p.name, p.status]));
    expect(pods).toEqual({ a: 'Running', b: 'ContainerCreating' });
    expect(await warnings(id, 'b')).toEqual(['FailedAttachVolume: Multi-Attach error for volume "test" Volume is already used by pod(s) a']);
    await t.gql('mutation ($id: ID!) { deleteResource(input: { clusterId: $id, kind: "Pod", name: "a" }) { name } }', { id });
    await t.gql(ADVANCE, { s: 30 });
    expect(data(await t.gql(DISK, { id: 'disk-0multi00' })).disk).toMatchObject({ state: 'ATTACHED', attachedTo: '172.0.0.3', mounts: [{ namespace: 'default', pod: 'b', container: 'nginx', mountPath: '/mnt' }] });
    expect((await storage(id)).pods.map((p: any) => [p.name, p.status])).toEqual([['b', 'Running']]);
  });

  it('detaches a disk whose pod was deleted while the disk was still attaching', async () => {
    const id = await cluster('attach-then-gone', 1);
    const zone = (await storage(id)).zone;
    await t.gql(CREATE_DISK, { input: { diskId: 'disk-0gone000', size: 10, zone } });
    await apply(id, cbsPod('gone', '172.0.0.2', 'disk-0gone000'));
    expect(data(await t.gql(DISK, { id: 'disk-0gone000' })).disk).toMatchObject({ state: 'ATTACHING', attachedTo: '172.0.0.2' });
    await t.gql('mutation ($id: ID!) { deleteResource(input: { clusterId: $id, kind: "Pod", name: "gone" }) { name } }', { id });
    await t.gql(ADVANCE, { s: 30 });
    expect(data(await t.gql(DISK, { id: 'disk-0gone000' })).disk).toMatchObject({ state: 'UNATTACHED', attachedTo: null });
  });
});
