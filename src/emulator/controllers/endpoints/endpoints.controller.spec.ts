import { getObject, type Endpoints, type KubeObject, type Pod, type Service } from '../../kube/index.js';
import { markRunning, World } from '../testing/world.js';
import { EndpointsController } from './endpoints.controller.js';

const service = (spec: Partial<Service['spec']> = {}, labels?: Record<string, string>): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', labels },
  spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...spec },
});

/** pod is a pod of app=web on n1, serving its named port `http` on containerPort. */
function pod(name: string, ip: string | undefined, ready: boolean, containerPort = 8080, extra: Partial<Pod['spec']> = {}): Pod {
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { nodeName: 'n1', containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort, protocol: 'TCP' }] }], ...extra },
    status: { phase: 'Pending' },
  };
  if (ip) markRunning(p, '2024-05-01T10:00:00Z', ready, ip);
  return p;
}

const controller = new EndpointsController();
const endpoints = (w: World) => getObject<Endpoints>(w.store, 'Endpoints', 'default', 'web');
const uid = (w: World, name: string) => getObject(w.store, 'Pod', 'default', name)!.metadata.uid;
const address = (w: World, name: string, ip: string) => ({ ip, nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'default', name, uid: uid(w, name) } });

describe('endpoints controller', () => {
  it('lists ready pods in addresses and the rest in notReadyAddresses, resolving a named target port', () => {
    const w = new World().add(pod('b', '10.0.0.3', true), pod('a', '10.0.0.2', true), pod('c', '10.0.0.4', false), pod('pending', undefined, false), service({}, { app: 'web' }));
    w.settle([controller]);
    expect(endpoints(w)).toMatchObject({
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2024-05-01T10:00:00Z' } },
      subsets: [{ addresses: [address(w, 'a', '10.0.0.2'), address(w, 'b', '10.0.0.3')], notReadyAddresses: [address(w, 'c', '10.0.0.4')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }],
    });
    expect(endpoints(w)!.metadata.ownerReferences).toBeUndefined();
    expect(controller.reconcile(w.context())).toEqual([]);
  });

  it('groups addresses by the set of ports they serve, as RepackSubsets does', () => {
    const w = new World().add(pod('a', '10.0.0.2', true, 8080), pod('b', '10.0.0.3', true, 9090), service({ ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9100, targetPort: 9100 }] }));
    w.settle([controller]);
    expect(endpoints(w)!.subsets).toEqual([
      { addresses: [address(w, 'a', '10.0.0.2')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
      { addresses: [address(w, 'a', '10.0.0.2'), address(w, 'b', '10.0.0.3')], ports: [{ name: 'metrics', port: 9100, protocol: 'TCP' }] },
      { addresses: [address(w, 'b', '10.0.0.3')], ports: [{ name: 'http', port: 9090, protocol: 'TCP' }] },
    ]);
  });

  it('drops terminating pods, follows readiness, and publishes hostnames of a headless service\'s pods', () => {
    const w = new World().add(pod('web-0', '10.0.0.2', true, 8080, { hostname: 'web-0', subdomain: 'web' }), pod('old', '10.0.0.9', true), service({ clusterIP: 'None' }));
    w.write('Pod', 'default', 'old', (p) => { p.metadata.deletionTimestamp = '2024-05-01T10:00:00Z'; });
    w.settle([controller]);
    expect(endpoints(w)!.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    expect(endpoints(w)!.subsets).toEqual([{ addresses: [{ ...address(w, 'web-0', '10.0.0.2'), hostname: 'web-0' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }]);
    w.write<Pod>('Pod', 'default', 'web-0', (p) => markRunning(p, '2024-05-01T10:00:05Z', false, '10.0.0.2'));
    w.settle([controller]);
    expect(endpoints(w)!.subsets?.[0].notReadyAddresses?.map((a) => a.ip)).toEqual(['10.0.0.2']);
  });

  it('makes no Endpoints for a selector-less service and leaves hand-written ones alone', () => {
    const manual: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.0.10' }], ports: [{ port: 5432 }] }] } as KubeObject;
    const w = new World().add(pod('a', '10.0.0.2', true), service({ selector: undefined }), manual);
    expect(controller.reconcile(w.context())).toEqual([]);
    w.remove('Service', 'default', 'web');
    expect(controller.reconcile(w.context())).toEqual([]);
  });

  it('deletes the Endpoints it made once the Service is gone', () => {
    const w = new World().add(pod('a', '10.0.0.2', true), service());
    w.settle([controller]);
    w.remove('Service', 'default', 'web');
    w.settle([controller]);
    expect(endpoints(w)).toBeUndefined();
  });

  it('keeps an Endpoints with no subsets for a service that selects nothing ready yet', () => {
    const w = new World().add(pod('a', undefined, false), service());
    w.settle([controller]);
    expect(endpoints(w)).toBeDefined();
    expect(endpoints(w)!.subsets).toBeUndefined();
  });
});
