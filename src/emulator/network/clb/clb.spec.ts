import fc from 'fast-check';
import type { Service } from '../../kube/service.js';
import { rejectionMessage } from '../errors/rejection-message.js';
import type { NetworkNode } from '../world/network-world.js';
import { seedNetworkWorld } from '../world/seed-world.js';
import type { Clb } from './clb.js';
import { newClbId } from './clb.js';
import { diffClb, loadBalancerEvents, wantsLoadBalancer, type ClbDiff } from './clb-diff.js';
import { desiredClb, EXCLUDE_FROM_LB, loadBalancerStatus } from './desired-clb.js';

const web: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }, { name: 'dns', protocol: 'UDP', port: 53, nodePort: 30053 }] },
};
const identity = { id: 'lb-seed0001', vip: '118.89.10.10' };
const nodes = seedNetworkWorld().nodes;
const node = (i: number): NetworkNode => ({ name: `172.0.0.${i + 2}`, privateIp: `172.0.0.${i + 2}`, hostIp: `10.172.1.${i + 1}`, podCidr: `10.0.${i}.0/24`, zone: 'ap-guangzhou-3' });

/** applied plays a diff against a CLB, as the cloud would. */
function applied(current: Clb | undefined, diff: ClbDiff, desired: Clb | undefined): Clb | undefined {
  if (diff.action === 'delete' || desired === undefined) return undefined;
  if (current === undefined) return { ...desired, listeners: [...diff.listenersToAdd] };
  const listeners = current.listeners
    .filter((l) => !diff.listenersToRemove.includes(l))
    .map((l) => ({
      ...l,
      backends: [
        ...l.backends.filter((b) => !diff.backendsToRemove.some((r) => r.listenerPort === l.port && r.backend.nodeName === b.nodeName)),
        ...diff.backendsToAdd.filter((a) => a.listenerPort === l.port).map((a) => a.backend),
      ],
    }));
  return { ...current, listeners: [...listeners, ...diff.listenersToAdd] };
}

describe('CLB for a Service of type LoadBalancer', () => {
  it('given the seed nodes, then each service port gets a listener forwarding to every node’s node port', () => {
    const clb = desiredClb(web, nodes, identity);
    expect(clb.listeners.map((l) => [l.protocol, l.port, l.backends.map((b) => `${b.ip}:${b.port}`)])).toEqual([
      ['TCP', 80, ['172.0.0.2:30080', '172.0.0.3:30080']],
      ['UDP', 53, ['172.0.0.2:30053', '172.0.0.3:30053']],
    ]);
    expect(loadBalancerStatus(clb)).toEqual({ ingress: [{ ip: '118.89.10.10' }] });
  });

  it('leaves out NotReady nodes and nodes labelled out of load balancers', () => {
    const clb = desiredClb(web, [{ ...nodes[0], ready: false }, { ...nodes[1], labels: { [EXCLUDE_FROM_LB]: '' } }, node(2)], identity);
    expect(clb.listeners[0].backends.map((b) => b.nodeName)).toEqual(['172.0.0.4']);
  });

  it.each([
    ['a ClusterIP service', { ...web.spec, type: 'ClusterIP' as const }, 'spec.type: Unsupported value: "ClusterIP": supported values: "LoadBalancer"'],
    ['a port without a node port', { ...web.spec, ports: [{ port: 80 }] }, 'spec.ports[0].nodePort: Required value: a LoadBalancer service needs a node port on every port'],
    ['an SCTP port', { ...web.spec, ports: [{ port: 80, nodePort: 30080, protocol: 'SCTP' as const }] }, 'spec.ports[0].protocol: Unsupported value: "SCTP": supported values: "TCP", "UDP"'],
  ])('rejects %s with the field path', (_name, spec, message) => {
    expect(rejectionMessage(() => desiredClb({ ...web, spec }, nodes, identity))).toBe(message);
  });

  it.each([
    ['a new service', undefined, desiredClb(web, nodes, identity), 'create', ['EnsuringLoadBalancer', 'EnsuredLoadBalancer']],
    ['a node joining', desiredClb(web, nodes, identity), desiredClb(web, [...nodes, node(2)], identity), 'update', ['UpdatedLoadBalancer']],
    ['a deleted service', desiredClb(web, nodes, identity), undefined, 'delete', ['DeletingLoadBalancer', 'DeletedLoadBalancer']],
    ['nothing changed', desiredClb(web, nodes, identity), desiredClb(web, nodes, identity), 'none', []],
  ])('given %s, then the diff and the events say so', (_name, current, desired, action, reasons) => {
    const diff = diffClb(current, desired);
    expect(diff.action).toBe(action);
    expect(loadBalancerEvents(diff, { namespace: 'default', name: 'web' }).map((e) => e.reason)).toEqual(reasons);
  });

  it('wants a CLB only while the Service is of type LoadBalancer', () => {
    expect(wantsLoadBalancer(web)).toBe(true);
    expect(wantsLoadBalancer({ ...web, spec: { ...web.spec, type: 'NodePort' } })).toBe(false);
    expect(wantsLoadBalancer(undefined)).toBe(false);
  });

  it('draws ids in Tencent Cloud’s shape', () => {
    expect(newClbId(() => 0.5)).toMatch(/^lb-[a-z0-9]{8}$/);
  });

  it('backends equal the eligible nodes after any sequence of joins and leaves (property)', () => {
    const steps = fc.array(fc.record({ join: fc.boolean(), ordinal: fc.nat(7) }), { maxLength: 30 });
    fc.assert(
      fc.property(steps, (ops) => {
        let members: NetworkNode[] = [];
        let clb: Clb | undefined;
        for (const op of ops) {
          const n = node(op.ordinal);
          members = op.join ? [...members.filter((m) => m.name !== n.name), n] : members.filter((m) => m.name !== n.name);
          const desired = desiredClb(web, members, identity);
          clb = applied(clb, diffClb(clb, desired), desired);
          for (const listener of clb!.listeners) {
            expect(listener.backends.map((b) => b.nodeName).sort()).toEqual(members.map((m) => m.name).sort());
          }
        }
      }),
    );
  });
});
