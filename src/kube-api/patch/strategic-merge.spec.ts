import type { Json } from './json.js';
import { listStrategy } from './merge-keys.js';
import { applyStrategicMergePatch } from './strategic-merge.js';

const podSpec = (containers: Json): Json => ({ spec: { template: { spec: { containers } } } });

describe('list strategies', () => {
  it.each([
    [['spec', 'template', 'spec', 'containers'], { type: 'merge', key: 'name' }],
    [['spec', 'template', 'spec', 'containers', 'ports'], { type: 'merge', key: 'containerPort' }],
    [['spec', 'initContainers', 'env'], { type: 'merge', key: 'name' }],
    [['spec', 'containers', 'volumeMounts'], { type: 'merge', key: 'mountPath' }],
    [['spec', 'volumes'], { type: 'merge', key: 'name' }],
    [['spec', 'ports'], { type: 'merge', key: 'port' }],
    [['subsets', 'ports'], { type: 'replace' }],
    [['status', 'conditions'], { type: 'merge', key: 'type' }],
    [['metadata', 'finalizers'], { type: 'merge-primitive' }],
    [['spec', 'tolerations'], { type: 'replace' }],
    [['spec', 'containers', 'args'], { type: 'replace' }],
  ])('%j', (path, expected) => {
    expect(listStrategy(path)).toEqual(expected);
  });
});

describe('strategic merge patch', () => {
  const nginx = { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] };
  const sidecar = { name: 'log', image: 'busybox' };

  it('applies the patch kubectl sent for a changed image and port', () => {
    const patch: Json = {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [
              {
                name: 'nginx',
                image: 'nginx:1.28',
                '$setElementOrder/ports': [{ containerPort: 8080 }],
                ports: [{ containerPort: 8080 }, { $patch: 'delete', containerPort: 80 }],
              },
            ],
          },
        },
      },
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
    };
    const result = applyStrategicMergePatch({ metadata: { name: 'web' }, ...(podSpec([nginx]) as object) }, patch);
    expect(result).toEqual({
      ok: true,
      value: {
        metadata: { name: 'web', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
        spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28', ports: [{ containerPort: 8080 }], env: [{ name: 'A', value: '1' }] }] } } },
      },
    });
  });

  it.each<[string, Json, Json, Json]>([
    ['merges a container by name, keeping the others', podSpec([nginx, sidecar]), podSpec([{ name: 'log', image: 'busybox:1.36' }]), podSpec([nginx, { name: 'log', image: 'busybox:1.36' }])],
    ['appends a new container', podSpec([nginx]), podSpec([sidecar]), podSpec([nginx, sidecar])],
    ['deletes a container with $patch: delete', podSpec([nginx, sidecar]), podSpec([{ name: 'log', $patch: 'delete' }]), podSpec([nginx])],
    [
      'merges env by name and deletes a key with null',
      podSpec([nginx]),
      podSpec([{ name: 'nginx', env: [{ name: 'B', value: '2' }], ports: null }]),
      podSpec([{ name: 'nginx', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }]),
    ],
    ['replaces a list with a $patch: replace element', podSpec([nginx, sidecar]), podSpec([{ $patch: 'replace' }, sidecar]), podSpec([sidecar])],
    ['replaces an untagged list (tolerations)', { spec: { tolerations: [{ key: 'a' }] } }, { spec: { tolerations: [{ key: 'b' }] } }, { spec: { tolerations: [{ key: 'b' }] } }],
    ['replaces a map with $patch: replace', { spec: { selector: { a: '1', b: '2' } } }, { spec: { selector: { $patch: 'replace', c: '3' } } }, { spec: { selector: { c: '3' } } }],
    ['deletes a map with $patch: delete', { spec: { strategy: { type: 'Recreate' }, x: 1 } }, { spec: { strategy: { $patch: 'delete' } } }, { spec: { x: 1 } }],
    [
      'keeps only $retainKeys',
      { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      { spec: { strategy: { type: 'Recreate' } } },
    ],
    ['unions finalizers', { metadata: { finalizers: ['a'] } }, { metadata: { finalizers: ['b', 'a'] } }, { metadata: { finalizers: ['a', 'b'] } }],
    ['removes with $deleteFromPrimitiveList', { metadata: { finalizers: ['a', 'b'] } }, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }, { metadata: { finalizers: ['b'] } }],
    [
      'orders by $setElementOrder, leaving server-only items in place',
      podSpec([{ name: 'a' }, { name: 'srv' }, { name: 'b' }]),
      { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] } } } },
      podSpec([{ name: 'b' }, { name: 'srv' }, { name: 'a' }]),
    ],
    [
      'merges Service ports by port',
      { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } },
      { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
      { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } },
    ],
    [
      'merges volumeMounts by mountPath',
      podSpec([{ name: 'c', volumeMounts: [{ name: 'data', mountPath: '/data' }] }]),
      podSpec([{ name: 'c', volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }, { name: 'logs', mountPath: '/logs' }] }]),
      podSpec([{ name: 'c', volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }, { name: 'logs', mountPath: '/logs' }] }]),
    ],
    ['strips directives from what it adds', {}, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, { spec: { strategy: { type: 'Recreate' } } }],
  ])('%s', (_name, original, patch, expected) => {
    expect(applyStrategicMergePatch(original, patch)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a list item without its merge key', podSpec([{ image: 'x' }]), 'does not contain declared merge key: name'],
    ['a body that is not an object', [1], 'invalid JSON document'],
  ])('rejects %s as a bad request', (_name, patch, message) => {
    const result = applyStrategicMergePatch(podSpec([nginx]), patch as Json);
    expect(result).toMatchObject({ ok: false, badRequest: true });
    expect(result.ok ? '' : result.error).toContain(message);
  });
});
