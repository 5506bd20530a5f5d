import { prepareManifest } from '../manifest/prepare-manifest.js';

function errorsOf(object: object): string[] {
  const result = prepareManifest(JSON.stringify(object));
  return result.ok ? [] : result.errors.map((e) => e.replace(/^[A-Za-z]+( "[^"]*")? \(document 1\): /, ''));
}

const obj = (kind: string, body: object, apiVersion = 'v1', name = 'web'): object => ({ apiVersion, kind, metadata: { name }, ...body });
const service = (spec: object, name = 'web'): object => obj('Service', { spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } }, 'v1', name);
const pvc = (spec: object): object => obj('PersistentVolumeClaim', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, ...spec } });
const ingress = (spec: object): object => obj('Ingress', { spec }, 'networking.k8s.io/v1');
const rule = (path: object): object => ({ host: 'www.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } }, ...path }] } });
const RANGE = 'must be between 1 and 65535, inclusive';

describe('Service and Endpoints validation', () => {
  it.each([
    ['a valid service', service({}), []],
    [
      'a name that starts with a digit',
      service({}, '1web'),
      [
        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    ['no ports', service({ ports: [] }), ['spec.ports: Required value']],
    ['an unknown type', service({ type: 'Internal' }), ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    [
      'a node port outside the range',
      service({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }),
      ['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    ],
    ['a node port on a ClusterIP service', service({ ports: [{ port: 80, nodePort: 30080 }] }), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['two unnamed ports', service({ ports: [{ port: 80 }, { port: 443 }] }), ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['port 0', service({ ports: [{ port: 0 }] }), [`spec.ports[0].port: Invalid value: 0: ${RANGE}`, `spec.ports[0].targetPort: Invalid value: 0: ${RANGE}`]],
    ['an unknown session affinity', service({ sessionAffinity: 'Sticky' }), ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']],
    ['a selector value with a space', service({ selector: { app: 'my web' } }), [expect.stringMatching(/^spec\.selector: Invalid value: "my web": a valid label must be an empty string/)]],
    [
      'an endpoint that is not an IP',
      obj('Endpoints', { subsets: [{ addresses: [{ ip: '10.0.0.300' }], ports: [{ port: 80 }] }] }),
      ['subsets[0].addresses[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    ],
  ])('%s', (_name, object, expected) => {
    expect(errorsOf(object)).toEqual(expected);
  });
});

describe('config and storage validation', () => {
  it.each([
    [
      'a config key with a space',
      obj('ConfigMap', { data: { 'a b': 'x' } }),
      [
        "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    ],
    ['secret data that is not base64', obj('Secret', { data: { password: 'pass word' } }), ['data[password]: Invalid value: "<secret contents redacted>": illegal base64 data at input byte 4']],
    ['a TLS secret without its keys', obj('Secret', { type: 'kubernetes.io/tls', data: {} }), ['data[tls.crt]: Required value', 'data[tls.key]: Required value']],
    ['a TLS secret given as stringData', obj('Secret', { type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c', 'tls.key': 'k' } }), []],
    [
      'an unknown access mode',
      pvc({ accessModes: ['ReadWriteSometimes'] }),
      ['spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"'],
    ],
    ['a claim for nothing', pvc({ resources: { requests: { storage: '0' } } }), ['spec.resources[storage]: Invalid value: "0": must be greater than zero']],
    ['a claim without a size', pvc({ resources: {} }), ['spec.resources[storage]: Required value']],
    ['a volume without a source', obj('PersistentVolume', { spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'] } }), ['spec: Required value: must specify a volume type']],
    ['a CBS volume', obj('PersistentVolume', { spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], qcloudCbs: { cbsDiskId: 'disk-echj2drf' } } }), []],
    ['a storage class without a provisioner', obj('StorageClass', {}, 'storage.k8s.io/v1', 'cbs'), ['provisioner: Required value']],
    [
      'a storage class that recycles',
      obj('StorageClass', { provisioner: 'cloud.tencent.com/qcloud-cbs', reclaimPolicy: 'Recycle' }, 'storage.k8s.io/v1', 'cbs'),
      ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"'],
    ],
  ])('%s', (_name, object, expected) => {
    expect(errorsOf(object)).toEqual(expected);
  });
});

describe('Ingress, Namespace, Event and Lease validation', () => {
  it.each([
    ['a valid ingress', ingress({ rules: [rule({})] }), []],
    ['an ingress without rules or default backend', ingress({}), ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']],
    ['a path without a type', ingress({ rules: [rule({ pathType: undefined })] }), ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
    ['a relative prefix', ingress({ rules: [rule({ path: 'api' })] }), ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path']],
    ['a path with //', ingress({ rules: [rule({ path: '/a//b' })] }), ["spec.rules[0].http.paths[0].path: Invalid value: \"/a//b\": must not contain '//'"]],
    ['a host that is an IP', ingress({ rules: [{ ...(rule({}) as object), host: '10.0.0.1' }] }), ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']],
    [
      'a backend without a port',
      ingress({ rules: [rule({ backend: { service: { name: 'web' } } })] }),
      ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required'],
    ],
    [
      'a namespace with capitals',
      obj('Namespace', {}, 'v1', 'Prod'),
      [
        "metadata.name: Invalid value: \"Prod\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    [
      'an event about an object in another namespace',
      obj('Event', { involvedObject: { kind: 'Pod', name: 'web', namespace: 'kube-system' }, type: 'Normal', reason: 'Pulled', count: 1 }),
      ['involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace'],
    ],
    ['a lease of no duration', obj('Lease', { spec: { leaseDurationSeconds: 0 } }, 'coordination.k8s.io/v1'), ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']],
  ])('%s', (_name, object, expected) => {
    expect(errorsOf(object)).toEqual(expected);
  });
});
