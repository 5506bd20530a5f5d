import { prepareManifest } from '../manifest/prepare-manifest.js';

function errorsOf(object: object): string[] {
  const result = prepareManifest(JSON.stringify(object));
  return result.ok ? [] : result.errors.map((e) => e.replace(/^[A-Za-z]+( "[^"]*")? \(document 1\): /, ''));
}

const template = (labels: object | null = { app: 'web' }, spec: object = {}): object => ({
  metadata: labels ? { labels } : {},
  spec: { containers: [{ name: 'web', image: 'nginx:1.13' }], ...spec },
});
const workload = (kind: string, spec: object, apiVersion = 'apps/v1', name = 'web'): object => ({ apiVersion, kind, metadata: { name }, spec });
const deployment = (spec: object = {}): object => workload('Deployment', { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec });
const MISMATCH = 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`';
const PERCENT = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

describe('Deployment and ReplicaSet validation', () => {
  it.each([
    ['a valid deployment', deployment(), []],
    ['negative replicas', deployment({ replicas: -1 }), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['no selector in apps/v1', workload('Deployment', { template: template() }), ['spec.selector: Required value', MISMATCH]],
    ['a selector that misses the template', deployment({ selector: { matchLabels: { app: 'db' } } }), [MISMATCH]],
    [
      'an empty selector',
      deployment({ selector: {} }),
      ['spec.selector: Invalid value: &LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}: empty selector is invalid for deployment'],
    ],
    [
      'a selector with an unknown operator',
      deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'Maybe' }] } }),
      [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Maybe": not a valid selector operator',
        'spec.selector: Invalid value: &LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:app,Operator:Maybe,Values:[],},},}: invalid label selector',
      ],
    ],
    [
      'maxSurge and maxUnavailable both 0',
      deployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    ],
    ['maxUnavailable over 100%', deployment({ strategy: { rollingUpdate: { maxUnavailable: '150%' } } }), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 150%: must not be greater than 100%']],
    ['a maxSurge that is not a percentage', deployment({ strategy: { rollingUpdate: { maxSurge: '1' } } }), [`spec.strategy.rollingUpdate.maxSurge: Invalid value: 1: ${PERCENT}`]],
    [
      'Recreate with rolling update settings',
      deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    ['an unknown strategy', deployment({ strategy: { type: 'BlueGreen' } }), ['spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"']],
    [
      'pods that never restart',
      deployment({ template: template({ app: 'web' }, { restartPolicy: 'Never' }) }),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    ['a deadline within minReadySeconds', deployment({ minReadySeconds: 10, progressDeadlineSeconds: 5 }), ['spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds']],
    [
      'a malformed quantity in the template',
      deployment({ template: template({ app: 'web' }, { containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '2x' } } }] }) }),
      ['spec.template.spec.containers[0].resources.requests.cpu: Invalid value: "2x": must be a quantity'],
    ],
    [
      'a ReplicaSet with an empty selector (Kubernetes says "deployment" here too)',
      workload('ReplicaSet', { selector: {}, template: template() }),
      ['spec.selector: Invalid value: &LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}: empty selector is invalid for deployment'],
    ],
  ])('%s', (_name, object, expected) => {
    expect(errorsOf(object)).toEqual(expected);
  });
});

describe('ReplicationController, StatefulSet and DaemonSet validation', () => {
  const claim = (spec: object = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } }): object => ({ metadata: { name: 'data' }, spec });
  const sts = (spec: object = {}, name = 'mongo'): object =>
    workload('StatefulSet', { serviceName: 'mongo', selector: { matchLabels: { app: 'web' } }, template: template(), volumeClaimTemplates: [claim()], ...spec }, 'apps/v1', name);
  const ds = (spec: object = {}): object => workload('DaemonSet', { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec });

  it.each([
    ['a valid replication controller', workload('ReplicationController', { template: template() }, 'v1'), []],
    ['an RC without selector or template labels', workload('ReplicationController', { template: template(null) }, 'v1'), ['spec.selector: Required value']],
    ['an RC without a template', workload('ReplicationController', { selector: { app: 'web' } }, 'v1'), ['spec.template: Required value']],
    [
      'an RC whose selector misses the template',
      workload('ReplicationController', { selector: { app: 'db' }, template: template() }, 'v1'),
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ],
    ['a valid statefulset whose pods mount their claims', sts({ template: template({ app: 'web' }, { containers: [{ name: 'm', image: 'mongo', volumeMounts: [{ name: 'data', mountPath: '/data/db' }] }] }) }), []],
    ['a statefulset name with a dot', sts({}, 'mongo.db'), ['metadata.name: Invalid value: "mongo.db": must not contain dots']],
    ['an unknown pod management policy', sts({ podManagementPolicy: 'Random' }), ["spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'"]],
    ['a negative partition', sts({ updateStrategy: { rollingUpdate: { partition: -1 } } }), ['spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0']],
    [
      'a service name that is not a DNS-1035 label',
      sts({ serviceName: '1mongo' }),
      [
        "spec.serviceName: Invalid value: \"1mongo\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    [
      'a claim template without access modes or size',
      sts({ volumeClaimTemplates: [claim({})] }),
      ['spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required', 'spec.volumeClaimTemplates[0].spec.resources[storage]: Required value'],
    ],
    ['two claim templates with one name', sts({ volumeClaimTemplates: [claim(), claim()] }), ['spec.volumeClaimTemplates[1].metadata.name: Duplicate value: "data"']],
    ['a valid daemonset', ds(), []],
    [
      'a daemonset that may neither surge nor be unavailable',
      ds({ updateStrategy: { rollingUpdate: { maxUnavailable: 0 } } }),
      ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    ],
    [
      'a daemonset that would both surge and be unavailable',
      ds({ updateStrategy: { rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } }),
      ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero'],
    ],
    ['a daemonset without a selector', workload('DaemonSet', { template: template() }), [MISMATCH]],
  ])('%s', (_name, object, expected) => {
    expect(errorsOf(object)).toEqual(expected);
  });
});
