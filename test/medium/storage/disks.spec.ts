import { testDatabases } from '../../support/databases.js';
import { ADD_NODES, CREATE_CLUSTER } from '../../support/cluster-operations.js';
import { ADVANCE, ATTACH_DISK, CREATE_DISK, DELETE_DISK, DETACH_DISK, DISK, DISKS, RESIZE_DISK, WRITE_DISK } from '../../support/storage-operations.js';
import { bootTestServer, data, errorOf, type TestServer } from '../../support/test-server.js';

/** CBS disks through GraphQL: create, attach one CVM at a time, detach, grow, delete, each refusal worded exactly. */
describe.each(testDatabases())('CBS disks on $name', (database) => {
  let t: TestServer;
  let clusterId: string;
  let zone: string;
  beforeAll(async () => {
    t = await bootTestServer({ database: await database.config() });
    await t.gql('mutation { setClockMode(mode: MANUAL) { now } }');
    const cluster = data(await t.gql(CREATE_CLUSTER, { input: { name: 'disks' } })).createCluster.cluster;
    clusterId = cluster.id;
    zone = data(await t.gql('query ($id: ID!) { cluster(id: $id) { zone } }', { id: clusterId })).cluster.zone;
    await t.gql(ADD_NODES, { input: { clusterId, count: 2 } });
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  const create = async (input: Record<string, unknown>) => t.gql(CREATE_DISK, { input: { zone, ...input } });
  const advance = (s: number) => t.gql(ADVANCE, { s });
  const attach = (diskId: string, nodeName: string) => t.gql(ATTACH_DISK, { input: { diskId, clusterId, nodeName } });

  it("creates the seed's disk-echj2drf under the id asked for, and draws disk-xxxxxxxx ids otherwise", async () => {
    const seed = data(await create({ diskId: 'disk-echj2drf', size: 10 })).createDisk;
    expect(seed).toMatchObject({ id: 'disk-echj2drf', size: 10, type: 'CLOUD_BASIC', zone, state: 'UNATTACHED', attachedTo: null, usedBytes: 0, mounts: [] });
    const drawn = data(await create({ size: 50, type: 'CLOUD_PREMIUM' })).createDisk;
    expect(drawn.id).toMatch(/^disk-[a-z0-9]{8}$/);
    expect(data(await t.gql(DISKS, { zone })).disks.map((d: { id: string }) => d.id)).toEqual(['disk-echj2drf', drawn.id]);
    expect(data(await t.gql(DISKS, { zone: 'ap-shanghai-2' })).disks).toEqual([]);
  });

  it.each([
    [{ size: 15 }, 'size: Invalid value: 15: CLOUD_BASIC disks are 10–4000 GB in steps of 10'],
    [{ size: 4010 }, 'size: Invalid value: 4010: CLOUD_BASIC disks are 10–4000 GB in steps of 10'],
    [{ size: 40, type: 'CLOUD_PREMIUM' }, 'size: Invalid value: 40: CLOUD_PREMIUM disks are 50–16000 GB'],
    [{ size: 100, type: 'CLOUD_SSD' }, 'size: Invalid value: 100: CLOUD_SSD disks are 200–16000 GB'],
  ])('refuses size %j with BAD_USER_INPUT naming the field, creating nothing', async (input, message) => {
    const before = data(await t.gql(DISKS, {})).disks.length;
    expect(errorOf(await create(input))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.size', message });
    expect(data(await t.gql(DISKS, {})).disks).toHaveLength(before);
  });

  it('refuses a malformed or taken id', async () => {
    expect(errorOf(await create({ diskId: 'disk-ECHJ', size: 10 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.diskId' });
    expect(errorOf(await create({ diskId: 'disk-echj2drf', size: 10 }))).toEqual({ code: 'CONFLICT', field: 'input.diskId', message: 'disks "disk-echj2drf" already exists' });
  });

  it('attaches in 5 s of virtual time, one CVM at a time, and refuses to delete an attached disk', async () => {
    expect(data(await attach('disk-echj2drf', '172.0.0.2')).attachDisk).toMatchObject({ state: 'ATTACHING', attachedTo: '172.0.0.2', clusterId });
    await advance(5);
    expect(data(await t.gql(DISK, { id: 'disk-echj2drf' })).disk).toMatchObject({ state: 'ATTACHED', attachedTo: '172.0.0.2' });
    expect(errorOf(await attach('disk-echj2drf', '172.0.0.3'))).toEqual({
      code: 'FAILED_PRECONDITION',
      field: 'input.diskId',
      message: 'disk "disk-echj2drf" is already attached to 172.0.0.2: a CBS disk attaches to one CVM at a time, detach it first',
    });
    expect(errorOf(await t.gql(DELETE_DISK, { id: 'disk-echj2drf' }))).toEqual({
      code: 'FAILED_PRECONDITION',
      field: 'input.diskId',
      message: 'disk "disk-echj2drf" is attached to 172.0.0.2: detach it before deleting it',
    });
    // A disk a user attached stays attached: the attach/detach controller manages only what it attached for pods.
    await advance(60);
    expect(data(await t.gql(DISK, { id: 'disk-echj2drf' })).disk.state).toBe('ATTACHED');
  });

  it('grows only, and only when idle; writes raise usedBytes up to the size', async () => {
    expect(errorOf(await t.gql(RESIZE_DISK, { id: 'disk-echj2drf', size: 10 }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.size',
      message: "size: Invalid value: 10: must be larger than the disk's current 10 GB: CBS disks only grow",
    });
    expect(data(await t.gql(RESIZE_DISK, { id: 'disk-echj2drf', size: 20 })).resizeDisk).toMatchObject({ state: 'EXPANDING', size: 10 });
    expect(errorOf(await t.gql(DETACH_DISK, { id: 'disk-echj2drf' })).message).toBe('disk "disk-echj2drf" is EXPANDING: wait until the current operation completes');
    await advance(10);
    expect(data(await t.gql(DISK, { id: 'disk-echj2drf' })).disk).toMatchObject({ state: 'ATTACHED', size: 20 });
    expect(data(await t.gql(WRITE_DISK, { id: 'disk-echj2drf', bytes: 2 ** 30 })).recordDiskWrites.usedBytes).toBe(2 ** 30);
  });

  it('detaches in 5 s, then deletes; the deleted disk is NOT_FOUND', async () => {
    expect(data(await t.gql(DETACH_DISK, { id: 'disk-echj2drf' })).detachDisk).toMatchObject({ state: 'DETACHING', attachedTo: '172.0.0.2' });
    await advance(5);
    expect(data(await t.gql(DISK, { id: 'disk-echj2drf' })).disk).toMatchObject({ state: 'UNATTACHED', attachedTo: null });
    expect(data(await t.gql(DELETE_DISK, { id: 'disk-echj2drf' })).deleteDisk).toEqual({ id: 'disk-echj2drf' });
    expect(errorOf(await t.gql(DISK, { id: 'disk-echj2drf' }))).toEqual({ code: 'NOT_FOUND', field: 'id', message: 'disks "disk-echj2drf" not found' });
  });

  it("keeps another account's disks invisible", async () => {
    const other = data(await create({ size: 10 })).createDisk.id;
    const token = data(await t.gql('mutation { createAccount(input: { name: "other" }) { token } }', {}, { token: t.adminToken })).createAccount.token;
    expect(errorOf(await t.gql(DISK, { id: other }, { token })).code).toBe('NOT_FOUND');
  });
});
