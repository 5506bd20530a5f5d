import type { KubeObject } from '../meta.js';
import { prepareManifest } from '../manifest/prepare-manifest.js';

function prepared(object: object): KubeObject {
  const result = prepareManifest(JSON.stringify(object));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.objects[0];
}

/** at reads a dotted path, with numeric segments as array indexes. */
function at(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], object);
}

const ctr = { name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], livenessProbe: { httpGet: { port: 80 } } };
const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [ctr] } };
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [ctr] } };
const selector = { matchLabels: { app: 'web' } };
const workload = (kind: string, spec: object = {}, apiVersion = 'apps/v1'): object => ({ apiVersion, kind, metadata: { name: 'web' }, spec: { selector, template, ...spec } });
const service = (spec: object = {}): object => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } });

describe('defaulting', () => {
  it.each([
    ['pod restartPolicy', pod, 'spec.restartPolicy', 'Always'],
    ['pod dnsPolicy', pod, 'spec.dnsPolicy', 'ClusterFirst'],
    ['pod schedulerName', pod, 'spec.schedulerName', 'default-scheduler'],
    ['pod terminationGracePeriodSeconds', pod, 'spec.terminationGracePeriodSeconds', 30],
    ['pod securityContext', pod, 'spec.securityContext', {}],
    ['pod enableServiceLinks', pod, 'spec.enableServiceLinks', true],
    ['pod namespace', pod, 'metadata.namespace', 'default'],
    ['container terminationMessagePath', pod, 'spec.containers.0.terminationMessagePath', '/dev/termination-log'],
    ['container terminationMessagePolicy', pod, 'spec.containers.0.terminationMessagePolicy', 'File'],
    ['container imagePullPolicy without a tag', pod, 'spec.containers.0.imagePullPolicy', 'Always'],
    ['container port protocol', pod, 'spec.containers.0.ports.0.protocol', 'TCP'],
    ['probe', pod, 'spec.containers.0.livenessProbe', { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }],
    ['deployment replicas', workload('Deployment'), 'spec.replicas', 1],
    ['deployment strategy', workload('Deployment'), 'spec.strategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }],
    ['deployment Recreate strategy', workload('Deployment', { strategy: { type: 'Recreate' } }), 'spec.strategy', { type: 'Recreate' }],
    ['deployment revisionHistoryLimit', workload('Deployment'), 'spec.revisionHistoryLimit', 10],
    ['deployment progressDeadlineSeconds', workload('Deployment'), 'spec.progressDeadlineSeconds', 600],
    ['deployment template restartPolicy', workload('Deployment'), 'spec.template.spec.restartPolicy', 'Always'],
    ['deployment template pull policy', workload('Deployment'), 'spec.template.spec.containers.0.imagePullPolicy', 'Always'],
    ['replicaset replicas', workload('ReplicaSet'), 'spec.replicas', 1],
    ['RC selector from the template', workload('ReplicationController', { selector: undefined }, 'v1'), 'spec.selector', { app: 'web' }],
    ['RC labels from the template', workload('ReplicationController', { selector: undefined }, 'v1'), 'metadata.labels', { app: 'web' }],
    ['RC replicas', workload('ReplicationController', { selector: undefined }, 'v1'), 'spec.replicas', 1],
    ['statefulset replicas', workload('StatefulSet'), 'spec.replicas', 1],
    ['statefulset podManagementPolicy', workload('StatefulSet'), 'spec.podManagementPolicy', 'OrderedReady'],
    ['statefulset updateStrategy', workload('StatefulSet'), 'spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }],
    ['statefulset revisionHistoryLimit', workload('StatefulSet'), 'spec.revisionHistoryLimit', 10],
    ['daemonset updateStrategy', workload('DaemonSet'), 'spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }],
    ['daemonset revisionHistoryLimit', workload('DaemonSet'), 'spec.revisionHistoryLimit', 10],
    ['service type', service(), 'spec.type', 'ClusterIP'],
    ['service sessionAffinity', service(), 'spec.sessionAffinity', 'None'],
    ['service port', service(), 'spec.ports.0', { port: 80, protocol: 'TCP', targetPort: 80 }],
    ['service named target port kept', service({ ports: [{ port: 80, targetPort: 'http' }] }), 'spec.ports.0.targetPort', 'http'],
    ['NodePort externalTrafficPolicy', service({ type: 'NodePort' }), 'spec.externalTrafficPolicy', 'Cluster'],
    ['LoadBalancer node ports', service({ type: 'LoadBalancer' }), 'spec.allocateLoadBalancerNodePorts', true],
    ['secret type', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }, 'type', 'Opaque'],
    ['secret stringData into data', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { user: 'admin' } }, 'data', { user: 'YWRtaW4=' }],
    ['secret stringData dropped', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { user: 'admin' } }, 'stringData', undefined],
    ['PVC volumeMode', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }, 'spec.volumeMode', 'Filesystem'],
    ['PV reclaim policy', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/d' } } }, 'spec.persistentVolumeReclaimPolicy', 'Retain'],
    ['StorageClass binding mode', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'cbs' }, provisioner: 'x.io/y' }, 'volumeBindingMode', 'Immediate'],
    ['namespace label', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } }, 'metadata.labels', { 'kubernetes.io/metadata.name': 'prod' }],
    ['cluster-scoped objects lose a namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', namespace: 'x' } }, 'metadata.namespace', undefined],
    ['status is dropped', { ...pod, status: { phase: 'Running' } }, 'status', undefined],
    ['a volume without a source is an emptyDir', { ...pod, spec: { containers: [ctr], volumes: [{ name: 'scratch' }] } }, 'spec.volumes.0', { name: 'scratch', emptyDir: {} }],
  ])('%s', (_name, object, path, expected) => {
    expect(at(prepared(object), path)).toEqual(expected);
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.13', 'IfNotPresent'],
    ['localhost:5000/nginx', 'Always'],
    ['ccr.ccs.tencentyun.com/team/nginx:1.13', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef', 'IfNotPresent'],
  ])('pulls %s with %s', (image, policy) => {
    expect(at(prepared({ ...pod, spec: { containers: [{ name: 'web', image }] } }), 'spec.containers.0.imagePullPolicy')).toBe(policy);
  });

  it('defaults pod requests to limits, but not in templates', () => {
    const resources = { limits: { cpu: '1', memory: '1Gi' } };
    const withLimits = { ...ctr, resources };
    expect(at(prepared({ ...pod, spec: { containers: [withLimits] } }), 'spec.containers.0.resources.requests')).toEqual({ cpu: '1', memory: '1Gi' });
    const deployment = workload('Deployment', { template: { ...template, spec: { containers: [withLimits] } } });
    expect(at(prepared(deployment), 'spec.template.spec.containers.0.resources')).toEqual(resources);
  });
});
