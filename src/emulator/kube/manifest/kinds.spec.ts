import type { KubeObject } from '../meta.js';
import { isNamespaced, qualifiedResource, kindInfo, resolveKind } from './kinds.js';
import { prepareManifest } from './prepare-manifest.js';

function prepared(object: object): KubeObject {
  const result = prepareManifest(JSON.stringify(object));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.objects[0];
}

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
const old = (apiVersion: string, kind: string, spec: object = {}): object => ({ apiVersion, kind, metadata: { name: 'web' }, spec: { template, ...spec } });

describe('kinds', () => {
  it.each([
    ['v1', 'Pod', true, false],
    ['apps/v1', 'Deployment', true, false],
    ['apps/v1beta1', 'Deployment', true, true],
    ['apps/v1beta1', 'StatefulSet', true, true],
    ['extensions/v1beta1', 'Ingress', true, true],
    ['storage.k8s.io/v1beta1', 'StorageClass', true, true],
  ])('%s %s is known (legacy: %s)', (apiVersion, kind, ok, legacy) => {
    expect(resolveKind(apiVersion, kind)).toMatchObject({ ok, legacy });
  });

  it.each([
    ['bar/v1', 'Foo'],
    ['v1', 'Deployment'],
    ['apps/v1beta1', 'DaemonSet'],
  ])('%s %s is refused in the API server words', (apiVersion, kind) => {
    expect(resolveKind(apiVersion, kind)).toEqual({ ok: false, error: `no matches for kind "${kind}" in version "${apiVersion}"` });
  });

  it('knows which kinds are cluster-scoped and how their resources are named', () => {
    expect(['Namespace', 'StorageClass', 'PersistentVolume', 'Pod', 'Lease'].map(isNamespaced)).toEqual([false, false, false, true, true]);
    expect(qualifiedResource(kindInfo('Deployment')!)).toBe('deployments.apps');
    expect(qualifiedResource(kindInfo('Pod')!)).toBe('pods');
  });
});

describe('converting old versions', () => {
  it('gives an apps/v1beta1 Deployment its selector and labels from the template, and that version’s defaults', () => {
    const d = prepared(old('apps/v1beta1', 'Deployment'));
    expect(d.apiVersion).toBe('apps/v1');
    expect(d.metadata.labels).toEqual({ app: 'web' });
    expect(d.spec).toMatchObject({ selector: { matchLabels: { app: 'web' } }, revisionHistoryLimit: 2, progressDeadlineSeconds: 600 });
  });

  it('gives an apps/v1beta1 StatefulSet its selector, and OnDelete updates as that version did', () => {
    const s = prepared(old('apps/v1beta1', 'StatefulSet'));
    expect(s.spec).toMatchObject({ selector: { matchLabels: { app: 'web' } }, updateStrategy: { type: 'OnDelete' }, podManagementPolicy: 'OrderedReady' });
  });

  it('keeps apps/v1beta2 strict: it never defaulted the selector', () => {
    expect(prepareManifest(JSON.stringify(old('apps/v1beta2', 'Deployment')))).toEqual({
      ok: false,
      errors: [
        'Deployment "web" (document 1): spec.selector: Required value',
        'Deployment "web" (document 1): spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    });
  });

  it('gives extensions/v1beta1 workloads their old defaults', () => {
    expect(prepared(old('extensions/v1beta1', 'Deployment')).spec).toMatchObject({
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } },
      revisionHistoryLimit: 2147483647,
      progressDeadlineSeconds: 2147483647,
    });
    expect(prepared(old('extensions/v1beta1', 'DaemonSet')).spec).toMatchObject({ selector: { matchLabels: { app: 'web' } }, updateStrategy: { type: 'OnDelete' } });
    expect(prepared(old('extensions/v1beta1', 'ReplicaSet')).spec).toMatchObject({ selector: { matchLabels: { app: 'web' } }, replicas: 1 });
  });

  it('reshapes an extensions/v1beta1 Ingress into networking.k8s.io/v1', () => {
    const ingress = prepared({
      apiVersion: 'extensions/v1beta1',
      kind: 'Ingress',
      metadata: { name: 'web' },
      spec: {
        backend: { serviceName: 'default-http', servicePort: 80 },
        rules: [{ host: 'www.example.com', http: { paths: [{ path: '/api', backend: { serviceName: 'api', servicePort: 'http' } }] } }],
      },
    });
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
    expect(ingress.spec).toEqual({
      defaultBackend: { service: { name: 'default-http', port: { number: 80 } } },
      rules: [{ host: 'www.example.com', http: { paths: [{ path: '/api', pathType: 'ImplementationSpecific', backend: { service: { name: 'api', port: { name: 'http' } } } }] } }],
    });
  });

  it('moves a storage.k8s.io/v1beta1 StorageClass to storage.k8s.io/v1', () => {
    const sc = prepared({ apiVersion: 'storage.k8s.io/v1beta1', kind: 'StorageClass', metadata: { name: 'cbs' }, provisioner: 'cloud.tencent.com/qcloud-cbs' });
    expect(sc).toMatchObject({ apiVersion: 'storage.k8s.io/v1', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
  });
});
