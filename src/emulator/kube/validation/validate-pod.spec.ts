import { prepareManifest } from '../manifest/prepare-manifest.js';

/** errorsOf prepares one object (as JSON) and returns its errors, without the `Pod "web" (document 1): ` prefix. */
function errorsOf(object: object): string[] {
  const result = prepareManifest(JSON.stringify(object));
  return result.ok ? [] : result.errors.map((e) => e.replace(/^[A-Za-z]+( "[^"]*")? \(document 1\): /, ''));
}

const ctr = (extra: object = {}): object => ({ name: 'web', image: 'nginx:1.13', ...extra });
const pod = (spec: object, metadata: object = { name: 'web' }): object => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('pod validation', () => {
  it.each([
    ['a valid pod', pod({ containers: [ctr()] }), []],
    ['no containers', pod({ containers: [] }), ['spec.containers: Required value']],
    ['a container without a name', pod({ containers: [{ image: 'nginx' }] }), ['spec.containers[0].name: Required value']],
    ['a container without an image', pod({ containers: [{ name: 'web' }] }), ['spec.containers[0].image: Required value']],
    ['two containers with one name', pod({ containers: [ctr(), ctr()] }), ['spec.containers[1].name: Duplicate value: "web"']],
    ['a name with capitals and underscores', pod({ containers: [ctr()] }, { name: 'Web_1' }), [`metadata.name: Invalid value: "Web_1": ${SUBDOMAIN}`]],
    ['no name at all', pod({ containers: [ctr()] }, {}), ['metadata.name: Required value: name or generateName is required']],
    ['a name to generate', pod({ containers: [ctr()] }, { generateName: 'web-' }), []],
    ['a name to generate with capitals', pod({ containers: [ctr()] }, { generateName: 'Web-' }), [`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}`]],
    [
      'an unknown restart policy',
      pod({ containers: [ctr()], restartPolicy: 'Sometimes' }),
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'an unknown DNS policy',
      pod({ containers: [ctr()], dnsPolicy: 'Google' }),
      ['spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    [
      'a malformed CPU request',
      pod({ containers: [ctr({ resources: { requests: { cpu: '2x' } } })] }),
      ['spec.containers[0].resources.requests.cpu: Invalid value: "2x": must be a quantity'],
    ],
    [
      'a request above its limit',
      pod({ containers: [ctr({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })] }),
      ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit'],
    ],
    [
      'a negative limit (and the request defaulted from it)',
      pod({ containers: [ctr({ resources: { limits: { memory: '-1Gi' } } })] }),
      [
        'spec.containers[0].resources.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
        'spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
      ],
    ],
    [
      'a resource that is not a container resource',
      pod({ containers: [ctr({ resources: { requests: { disk: '1' } } })] }),
      ['spec.containers[0].resources.requests[disk]: Invalid value: "disk": must be a standard resource for containers'],
    ],
    [
      'a port out of range and an unknown protocol',
      pod({ containers: [ctr({ ports: [{ containerPort: 70000, protocol: 'HTTP' }] })] }),
      [
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
    [
      'two containers on one host port',
      pod({ containers: [ctr({ ports: [{ containerPort: 80, hostPort: 80 }] }), ctr({ name: 'b', ports: [{ containerPort: 81, hostPort: 80 }] })] }),
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80"'],
    ],
    ['a mount of a missing volume', pod({ containers: [ctr({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    [
      'a CBS volume without its disk',
      pod({ containers: [ctr()], volumes: [{ name: 'data', qcloudCbs: { fsType: 'ext4' } }] }),
      ['spec.volumes[0].qcloudCbs.cbsDiskId: Required value'],
    ],
    [
      'a volume with two sources',
      pod({ containers: [ctr()], volumes: [{ name: 'data', emptyDir: {}, hostPath: { path: '/x' } }] }),
      ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'],
    ],
    ['a liveness probe that must succeed twice', pod({ containers: [ctr({ livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } })] }), [
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ]],
    ['a probe without a handler', pod({ containers: [ctr({ readinessProbe: { periodSeconds: 5 } })] }), ['spec.containers[0].readinessProbe: Required value: must specify a handler type']],
    [
      'an unknown pull policy',
      pod({ containers: [ctr({ imagePullPolicy: 'Sometimes' })] }),
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    ['a field of the wrong type', pod({ containers: [ctr()], terminationGracePeriodSeconds: '30' }), ['spec.terminationGracePeriodSeconds: Invalid value: "30": must be of type integer']],
    ['a label value that is a number', pod({ containers: [ctr()] }, { name: 'web', labels: { version: 1.1 } }), ['metadata.labels: Invalid value: 1.1: must be of type string']],
  ])('%s', (_name, object, expected) => {
    expect(errorsOf(object)).toEqual(expected);
  });

  it('reports every problem of an object, each with its full path and the object it is in', () => {
    const result = prepareManifest(
      JSON.stringify(pod({ restartPolicy: 'Sometimes', containers: [{ name: 'Web', resources: { requests: { cpu: '2x' } } }, ctr(), ctr()] })),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^Pod "web" \(document 1\): spec\.containers\[0\]\.name: Invalid value: "Web": a lowercase RFC 1123 label/),
        'Pod "web" (document 1): spec.containers[0].image: Required value',
        'Pod "web" (document 1): spec.containers[0].resources.requests.cpu: Invalid value: "2x": must be a quantity',
        'Pod "web" (document 1): spec.containers[2].name: Duplicate value: "web"',
        'Pod "web" (document 1): spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    });
  });

  it('accepts a name of 253 characters and refuses 254, as Kubernetes words it', () => {
    expect(errorsOf(pod({ containers: [ctr()] }, { name: 'a'.repeat(253) }))).toEqual([]);
    expect(errorsOf(pod({ containers: [ctr()] }, { name: 'a'.repeat(254) }))).toEqual([`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`]);
  });

  it('limits annotations to 256 KiB in all', () => {
    expect(errorsOf(pod({ containers: [ctr()] }, { name: 'web', annotations: { note: 'x'.repeat(262144) } }))).toEqual([
      'metadata.annotations: Too long: must have at most 262144 bytes',
    ]);
  });
});
