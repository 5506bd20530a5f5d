import { printerFor } from './printers.js';
import { buildTable } from './table.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const meta = (name: string, extra: object = {}) => ({ name, namespace: 'default', creationTimestamp: '2024-05-01T07:00:00Z', ...extra });
const template = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }], nodeSelector: { disk: 'ssd' } } };
const selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In' as const, values: ['prod', 'dev'] }] };

describe('tables per kind', () => {
  it.each<[string, object, string[], unknown[]]>([
    [
      'Node',
      {
        metadata: meta('node-1', { labels: { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/master': '' } }),
        spec: { unschedulable: true },
        status: {
          conditions: [{ type: 'Ready', status: 'True' }],
          addresses: [{ type: 'InternalIP', address: '10.0.0.4' }],
          nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'TencentOS Server 3.1', kernelVersion: '5.4.241', containerRuntimeVersion: 'containerd://1.6.9' },
        },
      },
      ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
      ['node-1', 'Ready,SchedulingDisabled', 'master,worker', '5h', 'v1.32.0', '10.0.0.4', '<none>', 'TencentOS Server 3.1', '5.4.241', 'containerd://1.6.9'],
    ],
    [
      'Service',
      { metadata: meta('web'), spec: { type: 'LoadBalancer', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }], selector: { app: 'web' } }, status: { loadBalancer: {} } },
      ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector'],
      ['web', 'LoadBalancer', '10.96.0.10', '<pending>', '80:30080/TCP,443/TCP', '5h', 'app=web'],
    ],
    [
      'Service',
      { metadata: meta('db'), spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] } },
      ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector'],
      ['db', 'ClusterIP', 'None', '<none>', '<none>', '5h', '<none>'],
    ],
    [
      'Deployment',
      { metadata: meta('web'), spec: { replicas: 3, selector, template }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } },
      ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector'],
      ['web', '2/3', 3, 2, '5h', 'nginx,log', 'nginx:1.27,busybox', 'app=web,env in (dev,prod)'],
    ],
    [
      'ReplicaSet',
      { metadata: meta('web-5d8f'), spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template }, status: { replicas: 3, readyReplicas: 1 } },
      ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers', 'Images', 'Selector'],
      ['web-5d8f', 3, 3, 1, '5h', 'nginx,log', 'nginx:1.27,busybox', 'app=web'],
    ],
    [
      'StatefulSet',
      { metadata: meta('mongo'), spec: { replicas: 3, selector, template }, status: { replicas: 3, readyReplicas: 3 } },
      ['Name', 'Ready', 'Age', 'Containers', 'Images'],
      ['mongo', '3/3', '5h', 'nginx,log', 'nginx:1.27,busybox'],
    ],
    [
      'DaemonSet',
      { metadata: meta('logrotate'), spec: { selector: { matchLabels: { app: 'lr' } }, template }, status: { desiredNumberScheduled: 5, currentNumberScheduled: 5, numberReady: 4, updatedNumberScheduled: 5, numberAvailable: 4 } },
      ['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers', 'Images', 'Selector'],
      ['logrotate', 5, 5, 4, 5, 4, 'disk=ssd', '5h', 'nginx,log', 'nginx:1.27,busybox', 'app=lr'],
    ],
    [
      'PersistentVolumeClaim',
      { metadata: meta('data-mongo-0'), spec: { volumeName: 'pvc-1', storageClassName: 'cbs', resources: { requests: { storage: '10Gi' } } }, status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'] } },
      ['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode'],
      ['data-mongo-0', 'Bound', 'pvc-1', '10Gi', 'RWO', 'cbs', '<unset>', '5h', '<unset>'],
    ],
    [
      'PersistentVolume',
      { metadata: meta('pvc-1'), spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'cbs', claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-mongo-0' }, volumeMode: 'Filesystem' }, status: { phase: 'Bound' } },
      ['Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age', 'VolumeMode'],
      ['pvc-1', '10Gi', 'RWO', 'Delete', 'Bound', 'default/data-mongo-0', 'cbs', '<unset>', '', '5h', 'Filesystem'],
    ],
    [
      'StorageClass',
      { metadata: meta('cbs', { annotations: { 'storageclass.beta.kubernetes.io/is-default-class': 'true' } }), provisioner: 'cloud.tencent.com/qcloud-cbs' },
      ['Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age'],
      ['cbs (default)', 'cloud.tencent.com/qcloud-cbs', 'Delete', 'Immediate', false, '5h'],
    ],
    [
      'Ingress',
      { metadata: meta('web'), spec: { ingressClassName: 'qcloud', rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }], tls: [{ hosts: ['a.example.com'] }] }, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } },
      ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age'],
      ['web', 'qcloud', 'a.example.com,b.example.com', '1.2.3.4', '80, 443', '5h'],
    ],
    [
      'Event',
      { metadata: meta('web-0.17a'), involvedObject: { kind: 'Pod', name: 'web-0', fieldPath: 'spec.containers{nginx}' }, type: 'Normal', reason: 'Pulled', message: ' Successfully pulled image "nginx" ', source: { component: 'kubelet', host: 'node-1' }, count: 2, firstTimestamp: '2024-05-01T11:00:00Z', lastTimestamp: '2024-05-01T11:59:30Z' },
      ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name'],
      ['30s', 'Normal', 'Pulled', 'pod/web-0', 'spec.containers{nginx}', 'kubelet, node-1', 'Successfully pulled image "nginx"', '60m', 2, 'web-0.17a'],
    ],
    ['ConfigMap', { metadata: meta('cfg'), data: { a: '1', b: '2' } }, ['Name', 'Data', 'Age'], ['cfg', 2, '5h']],
    ['Secret', { metadata: meta('tls'), type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } }, ['Name', 'Type', 'Data', 'Age'], ['tls', 'kubernetes.io/tls', 2, '5h']],
    ['Namespace', { metadata: meta('default'), status: { phase: 'Active' } }, ['Name', 'Status', 'Age'], ['default', 'Active', '5h']],
    ['Lease', { metadata: meta('node-1'), spec: { holderIdentity: 'node-1' } }, ['Name', 'Holder', 'Age'], ['node-1', 'node-1', '5h']],
    [
      'Endpoints',
      { metadata: meta('web'), subsets: [{ addresses: [{ ip: '172.16.0.2' }, { ip: '172.16.0.3' }, { ip: '172.16.0.4' }, { ip: '172.16.0.5' }], ports: [{ port: 80 }] }] },
      ['Name', 'Endpoints', 'Age'],
      ['web', '172.16.0.2:80,172.16.0.3:80,172.16.0.4:80 + 1 more...', '5h'],
    ],
    ['Endpoints', { metadata: meta('empty') }, ['Name', 'Endpoints', 'Age'], ['empty', '<none>', '5h']],
    ['Widget', { metadata: meta('w') }, ['Name', 'Age'], ['w', '5h']],
  ])('%s', (kind, object, columns, cells) => {
    const printer = printerFor(kind);
    expect(printer.columns.map((c) => c.name)).toEqual(columns);
    expect(printer.cells(object, NOW)).toEqual(cells);
  });
});

describe('buildTable', () => {
  const pods = [{ metadata: meta('web-0'), spec: { containers: [{ name: 'a' }] }, status: { phase: 'Pending' } }];

  it('carries PartialObjectMetadata rows so kubectl -A can print NAMESPACE', () => {
    const table = buildTable(pods, printerFor('Pod'), { now: NOW, resourceVersion: '104' });
    expect(table).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '104' } });
    expect(table.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: meta('web-0') });
    expect(table.columnDefinitions[0]).toEqual({ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 });
  });

  it.each([
    ['Object', pods[0]],
    ['None', undefined],
  ] as const)('includeObject=%s', (includeObject, object) => {
    expect(buildTable(pods, printerFor('Pod'), { now: NOW, includeObject }).rows[0].object).toEqual(object);
  });

  it('may leave the column definitions out, as watch events after the first do', () => {
    expect(buildTable(pods, printerFor('Pod'), { now: NOW, noHeaders: true, apiVersion: 'meta.k8s.io/v1beta1' })).toMatchObject({ apiVersion: 'meta.k8s.io/v1beta1', columnDefinitions: [] });
  });
});
