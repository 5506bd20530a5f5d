import { prepareManifest } from './prepare-manifest.js';

const deployment = (name: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:${extra}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: ${name}
        image: nginx:1.13
`;
const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n';

describe('preparing a manifest', () => {
  it('returns every object, converted and defaulted, in manifest order', () => {
    const result = prepareManifest([namespace, deployment('web')].join('---\n'));
    expect(result.ok && result.objects.map((o) => [o.kind, o.metadata.namespace, o.metadata.name])).toEqual([
      ['Namespace', undefined, 'prod'],
      ['Deployment', 'default', 'web'],
    ]);
  });

  it('is all or nothing: one bad document rejects the whole manifest, naming the object and its document', () => {
    expect(prepareManifest([namespace, deployment('web', '\n  replicas: -1')].join('---\n'))).toEqual({
      ok: false,
      errors: ['Deployment "web" (document 2): spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    });
  });

  it('lists the errors of every document, in document order', () => {
    const text = ['apiVersion: bar/v1\nkind: Foo\nmetadata: {name: x}\n', deployment('web', '\n  replicas: -1'), 'a: [1\n', 'kind: Pod\n'].join('---\n');
    expect(prepareManifest(text)).toEqual({
      ok: false,
      errors: [
        'Foo "x" (document 1): no matches for kind "Foo" in version "bar/v1"',
        'Deployment "web" (document 2): spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        expect.stringMatching(/^document 3: yaml: line \d+: /),
        'Pod (document 4): apiVersion not set',
      ],
    });
  });

  it('refuses the same kind, namespace and name twice', () => {
    expect(prepareManifest([deployment('web'), deployment('web')].join('---\n'))).toEqual({
      ok: false,
      errors: ['Deployment "web" (document 2): already defined in document 1 (same kind, namespace and name)'],
    });
  });

  it('accepts one name in two namespaces, or for two kinds', () => {
    const other = deployment('web').replace('  name: web\n', '  name: web\n  namespace: prod\n');
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
    const result = prepareManifest([deployment('web'), other, service].join('---\n'));
    expect(result.ok && result.objects.length).toBe(3);
  });

  it('names items of a List by their position', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: ok}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: Bad}\n';
    expect(prepareManifest(list)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^ConfigMap "Bad" \(document 1, item 2\): metadata\.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain/)],
    });
  });

  it('refuses an empty manifest as kubectl does', () => {
    expect(prepareManifest('---\n# nothing\n')).toEqual({ ok: false, errors: ['no objects passed to apply'] });
  });
});
