import { getObject, listObjects, type PersistentVolumeClaim, type Pod, type StatefulSet, type StatefulSetStatus } from '../../kube/index.js';
import type { ControllerRevision } from '../helpers/controller-revisions.js';
import { node, template, World } from '../testing/world.js';
import { StatefulSetController } from './statefulset.controller.js';

const sts = (replicas: number, extra: Partial<StatefulSet['spec']> = {}): StatefulSet => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas,
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: template('nginx', 'nginx:v1'),
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    ...extra,
  },
});

const controller = new StatefulSetController();
const names = (w: World) => w.pods().filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();
const set = (w: World) => getObject<StatefulSet>(w.store, 'StatefulSet', 'default', 'web')!;
const claims = (w: World) => listObjects<PersistentVolumeClaim>(w.store, 'PersistentVolumeClaim', 'default');
const pod = (w: World, name: string) => getObject<Pod>(w.store, 'Pod', 'default', name)!;
const revisions = (w: World) => listObjects(w.store, 'ControllerRevision', 'default') as unknown as ControllerRevision[];

/** step lets the controller act, then the pretend kubelet run what it created. */
function step(w: World): void {
  w.settle([controller]);
  w.kubelet();
}

describe('statefulset controller', () => {
  it('creates web-0 with its claim first, and web-1 only once web-0 is Running and Ready', () => {
    const w = new World().add(node('n1'), sts(3));
    w.settle([controller]);
    expect(names(w)).toEqual(['web-0']);
    expect(claims(w).map((c) => c.metadata.name)).toEqual(['www-web-0']);
    w.schedule();
    w.start(() => true, false);
    w.settle([controller]);
    expect(names(w)).toEqual(['web-0']);
    w.start();
    w.settle([controller]);
    expect(names(w)).toEqual(['web-0', 'web-1']);
    step(w);
    step(w);
    step(w);
    expect(names(w)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(w.events().map((e) => [e.reason, e.message, e.source.component])).toEqual([
      ['SuccessfulCreate', 'create Claim www-web-0 Pod web-0 in StatefulSet web success', 'statefulset-controller'],
      ['SuccessfulCreate', 'create Pod web-0 in StatefulSet web successful', 'statefulset-controller'],
      ['SuccessfulCreate', 'create Claim www-web-1 Pod web-1 in StatefulSet web success', 'statefulset-controller'],
      ['SuccessfulCreate', 'create Pod web-1 in StatefulSet web successful', 'statefulset-controller'],
      ['SuccessfulCreate', 'create Claim www-web-2 Pod web-2 in StatefulSet web success', 'statefulset-controller'],
      ['SuccessfulCreate', 'create Pod web-2 in StatefulSet web successful', 'statefulset-controller'],
    ]);
  });

  it('gives each pod its identity, hostname, subdomain and claim, and reports status at one revision', () => {
    const w = new World().add(node('n1'), sts(2));
    for (let i = 0; i < 4; i++) step(w);
    w.settle([controller]);
    const [revision] = revisions(w);
    expect(revision).toMatchObject({ kind: 'ControllerRevision', revision: 1, metadata: { name: expect.stringMatching(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/) } });
    const web1 = pod(w, 'web-1');
    expect(web1.metadata.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': revision.metadata.name });
    expect(web1.spec).toMatchObject({ hostname: 'web-1', subdomain: 'nginx', volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }] });
    expect(web1.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    const claim = getObject<PersistentVolumeClaim>(w.store, 'PersistentVolumeClaim', 'default', 'www-web-1')!;
    expect(claim.metadata.labels).toEqual({ app: 'nginx' });
    expect(claim.metadata.ownerReferences).toBeUndefined();
    expect(claim.spec).toMatchObject({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
    expect(set(w).status).toEqual<StatefulSetStatus>({
      observedGeneration: 1, replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2,
      currentRevision: revision.metadata.name, updateRevision: revision.metadata.name, collisionCount: 0,
    });
    expect(controller.reconcile(w.context())).toEqual([]);
  });

  it('scales down from the highest ordinal, one pod at a time, keeping the claims', () => {
    const w = new World().add(node('n1'), sts(3));
    for (let i = 0; i < 5; i++) step(w);
    w.edit<StatefulSet>('StatefulSet', 'default', 'web', (s) => { s.spec.replicas = 1; });
    w.settle([controller]);
    expect(names(w)).toEqual(['web-0', 'web-1']);
    w.settle([controller]);
    expect(pod(w, 'web-1').metadata.deletionTimestamp).toBeUndefined();
    step(w);
    w.settle([controller]);
    expect(names(w)).toEqual(['web-0']);
    expect(w.events().filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message)).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
    expect(claims(w)).toHaveLength(3);
  });

  it('creates every pod at once with the Parallel policy', () => {
    const w = new World().add(node('n1'), sts(3, { podManagementPolicy: 'Parallel' }));
    w.settle([controller]);
    expect(names(w)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('rolls pods at or above the partition to the new revision, highest first, each after the one above is ready', () => {
    const w = new World().add(node('n1'), sts(3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    for (let i = 0; i < 5; i++) step(w);
    const v1 = set(w).status!.currentRevision;
    w.edit<StatefulSet>('StatefulSet', 'default', 'web', (s) => { s.spec.template.spec.containers[0].image = 'nginx:v2'; });
    w.settle([controller]);
    expect(pod(w, 'web-2').metadata.deletionTimestamp).toBeDefined();
    expect(pod(w, 'web-1').metadata.deletionTimestamp).toBeUndefined();
    for (let i = 0; i < 6; i++) step(w);
    const v2 = set(w).status!.updateRevision;
    expect(v2).not.toBe(v1);
    expect(['web-0', 'web-1', 'web-2'].map((n) => pod(w, n).spec.containers[0].image)).toEqual(['nginx:v1', 'nginx:v2', 'nginx:v2']);
    expect(set(w).status).toMatchObject({ currentRevision: v1, updateRevision: v2, currentReplicas: 1, updatedReplicas: 2, readyReplicas: 3 });
    w.edit<StatefulSet>('StatefulSet', 'default', 'web', (s) => { s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }; });
    for (let i = 0; i < 4; i++) step(w);
    expect(set(w).status).toMatchObject({ currentRevision: v2, updateRevision: v2, currentReplicas: 3, updatedReplicas: 3 });
    expect(revisions(w).map((r) => r.revision)).toEqual([1, 2]);
  });

  it('leaves pods alone under OnDelete until one is deleted, then recreates it at the update revision', () => {
    const w = new World().add(node('n1'), sts(2, { updateStrategy: { type: 'OnDelete' } }));
    for (let i = 0; i < 4; i++) step(w);
    w.edit<StatefulSet>('StatefulSet', 'default', 'web', (s) => { s.spec.template.spec.containers[0].image = 'nginx:v2'; });
    step(w);
    expect(w.pods().map((p) => p.spec.containers[0].image)).toEqual(['nginx:v1', 'nginx:v1']);
    w.remove('Pod', 'default', 'web-1');
    step(w);
    step(w);
    expect(['web-0', 'web-1'].map((n) => pod(w, n).spec.containers[0].image)).toEqual(['nginx:v1', 'nginx:v2']);
  });

  it('recreates a failed pod with a warning', () => {
    const w = new World().add(node('n1'), sts(1));
    step(w);
    w.write<Pod>('Pod', 'default', 'web-0', (p) => { p.status = { phase: 'Failed' }; });
    w.settle([controller]);
    expect(w.events().at(-2)).toMatchObject({ type: 'Warning', reason: 'RecreatingFailedPod', message: 'StatefulSet default/web is recreating failed Pod web-0' });
    step(w);
    step(w);
    expect(pod(w, 'web-0').status?.phase).toBe('Running');
  });

  it('lets claims go with the set when persistentVolumeClaimRetentionPolicy says Delete', () => {
    const w = new World().add(node('n1'), sts(1, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }));
    step(w);
    expect(claims(w)[0].metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set(w).metadata.uid }]);
  });

  it('hands a scaled-away pod\'s claims to the pod when whenScaled is Delete', () => {
    const w = new World().add(node('n1'), sts(2, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } }));
    for (let i = 0; i < 4; i++) step(w);
    const uid = pod(w, 'web-1').metadata.uid;
    w.edit<StatefulSet>('StatefulSet', 'default', 'web', (s) => { s.spec.replicas = 1; });
    w.settle([controller]);
    expect(getObject<PersistentVolumeClaim>(w.store, 'PersistentVolumeClaim', 'default', 'www-web-1')!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid }]);
    expect(getObject<PersistentVolumeClaim>(w.store, 'PersistentVolumeClaim', 'default', 'www-web-0')!.metadata.ownerReferences).toBeUndefined();
  });
});
