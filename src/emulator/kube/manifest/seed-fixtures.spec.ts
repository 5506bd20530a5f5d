import { readFileSync } from 'node:fs';
import type { KubeObject } from '../meta.js';
import { prepareManifest } from './prepare-manifest.js';

/** The talk's three manifests (test/fixtures/seed) must prepare cleanly, with the defaults a 2017 TKE cluster gave them. */
function seed(file: string): KubeObject {
  const text = readFileSync(new URL(`../../../../test/fixtures/seed/${file}`, import.meta.url), 'utf8');
  const result = prepareManifest(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  expect(result.objects).toHaveLength(1);
  return result.objects[0];
}

describe('the seed manifests', () => {
  it('prepares the nginx pod with its CBS volume, keeping what the talk set and defaulting the rest', () => {
    const pod = seed('nginx-cbs-pod.yaml');
    expect(pod).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx', namespace: 'default' } });
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      enableServiceLinks: true,
      imagePullSecrets: [{ name: 'qcloudregistrykey' }],
      volumes: [{ name: 'test', qcloudCbs: { cbsDiskId: 'disk-echj2drf', fsType: 'ext4' } }],
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          imagePullPolicy: 'Always',
          resources: { requests: { cpu: '200m' } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/mnt', name: 'test' }],
        },
      ],
    });
  });

  it('prepares the cbs StorageClass as storage.k8s.io/v1, still the default class', () => {
    expect(seed('cbs-storageclass.yaml')).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'cbs', annotations: { 'storageclass.beta.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'cloud.tencent.com/qcloud-cbs',
      parameters: { type: 'cbs' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    });
  });

  it('prepares the mongo StatefulSet as apps/v1, with the selector and OnDelete updates apps/v1beta1 defaulted', () => {
    const sts = seed('mongo-statefulset.yaml');
    expect(sts).toMatchObject({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'mongo', namespace: 'default', labels: { role: 'mongo' } } });
    expect(sts.spec).toMatchObject({
      serviceName: 'mongo',
      replicas: 3,
      selector: { matchLabels: { role: 'mongo' } },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'OnDelete' },
      revisionHistoryLimit: 10,
      template: {
        metadata: { labels: { role: 'mongo' } },
        spec: {
          terminationGracePeriodSeconds: 10,
          serviceAccountName: 'mongo',
          restartPolicy: 'Always',
          dnsPolicy: 'ClusterFirst',
          containers: [
            {
              name: 'mongo',
              image: 'mongo',
              imagePullPolicy: 'Always',
              command: ['mongod', '--replSet', 'rs0', '--smallfiles', '--noprealloc'],
              ports: [{ containerPort: 27017, protocol: 'TCP' }],
              volumeMounts: [{ name: 'mongo-persistent-storage', mountPath: '/data/db' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'mongo-persistent-storage', annotations: { 'volume.beta.kubernetes.io/storage-class': 'cbs' } },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, volumeMode: 'Filesystem' },
        },
      ],
    });
  });

  it('prepares all three as one manifest', () => {
    const files = ['cbs-storageclass.yaml', 'nginx-cbs-pod.yaml', 'mongo-statefulset.yaml'];
    const text = files.map((f) => readFileSync(new URL(`../../../../test/fixtures/seed/${f}`, import.meta.url), 'utf8')).join('---\n');
    const result = prepareManifest(text);
    expect(result.ok && result.objects.map((o) => o.kind)).toEqual(['StorageClass', 'Pod', 'StatefulSet']);
  });
});
