import { emptyStore, getObject, putObject, type KubeObject, type Pod } from '../../../emulator/kube/index.js';
import type { KubeCluster, ObjectAction } from './kube.types.js';
import { applyActions, type ObjectWriter } from './reconcile.js';
import { createObject } from './object-writes.js';

const cluster = (): KubeCluster => ({ ...emptyStore(), clusterId: 'cls-1', accountId: 'a', region: 'r', kubernetesVersion: '1.7.8', serviceCidr: '', streamVersion: 0, podSince: {}, scheduling: {}, schedulerStartIndex: 0, nodeFailures: {} });
const writer: ObjectWriter = { create: (c, o, at) => void createObject(c, o, at), update: (c, o) => void putObject(c, o), remove: () => undefined };
const template = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace: 'default', generateName: 'web-', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u-1', controller: true }] },
  spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], tolerations: [{ key: 'dedicated', operator: 'Exists' }] },
} as unknown as Pod;

describe('createPods: pods stamped from one logged template', () => {
  const stamped = () => {
    const c = cluster();
    applyActions(c, [{ type: 'createPods', object: template, names: ['web-a', 'web-b'] } as unknown as ObjectAction], '2017-01-01T00:00:00.000Z', writer);
    return { c, a: getObject<Pod>(c, 'Pod', 'default', 'web-a')!, b: getObject<Pod>(c, 'Pod', 'default', 'web-b')! };
  };

  it('given a burst of two, then each has its own name, uid, metadata and spec, and they share the frozen containers and labels', () => {
    const { a, b } = stamped();
    expect([a.metadata.name, b.metadata.name]).toEqual(['web-a', 'web-b']);
    expect(a.metadata.uid).not.toBe(b.metadata.uid);
    expect(a.metadata).not.toBe(b.metadata);
    expect(a.spec).not.toBe(b.spec);
    expect(a.spec.containers).toBe(b.spec.containers);
    expect(a.metadata.labels).toBe(b.metadata.labels);
    expect(Object.isFrozen(a.spec.containers[0])).toBe(true);
    expect(template.spec.containers).not.toBe(a.spec.containers);
  });

  it('given the template tolerates a taint, then each pod adds the two default tolerations to its own list', () => {
    const { a, b } = stamped();
    expect(a.spec.tolerations!.map((t) => t.key)).toEqual(['dedicated', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
    expect(a.spec.tolerations).not.toBe(b.spec.tolerations);
    expect(template.spec.tolerations).toHaveLength(1);
  });

  it('when one pod is bound and given a status, then the other is untouched', () => {
    const { c, a, b } = stamped();
    a.spec.nodeName = '172.0.0.2';
    a.status = { phase: 'Pending' };
    putObject(c, a as KubeObject);
    expect(b.spec.nodeName).toBeUndefined();
    expect(b.status).toBeUndefined();
  });

  it('given a template with a status, as a ReplicaSet logs it, then each pod has the fields a created pod has, in order, and a status of its own', () => {
    const c = cluster();
    const logged = { ...template, status: { phase: 'Pending', qosClass: 'BestEffort' } } as unknown as Pod;
    applyActions(c, [{ type: 'createPods', object: logged, names: ['web-a', 'web-b'] } as unknown as ObjectAction], '2017-01-01T00:00:00.000Z', writer);
    const [a, b] = [getObject<Pod>(c, 'Pod', 'default', 'web-a')!, getObject<Pod>(c, 'Pod', 'default', 'web-b')!];
    expect(Object.keys(a)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(a.metadata)).toEqual(['name', 'namespace', 'generateName', 'labels', 'ownerReferences', 'uid', 'creationTimestamp', 'generation', 'resourceVersion']);
    expect(a.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(a.status).not.toBe(b.status);
  });

  it('when code writes into a shared part, then it throws instead of changing every pod', () => {
    const { a } = stamped();
    expect(() => {
      (a.spec.containers[0] as { image: string }).image = 'other';
    }).toThrow(TypeError);
  });
});
