import { getObject, listObjects, type DaemonSet, type DaemonSetStatus, type Node, type Pod } from '../../kube/index.js';
import { DAEMON_TOLERATIONS } from './node-fit.js';
import { node, template, World } from '../testing/world.js';
import { DaemonSetController } from './daemonset.controller.js';

const daemonSet = (extra: Partial<DaemonSet['spec']> = {}): DaemonSet => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'logrotate', namespace: 'kube-system' },
  spec: { selector: { matchLabels: { app: 'logrotate' } }, template: template('logrotate', 'logrotate:v1'), ...extra },
});

const controller = new DaemonSetController();
const pods = (w: World) => w.pods('kube-system').filter((p) => !p.metadata.deletionTimestamp);
const nodesOf = (w: World) => pods(w).map((p) => p.spec.nodeName ?? p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0].matchFields?.[0].values?.[0]).sort();
const status = (w: World) => getObject<DaemonSet>(w.store, 'DaemonSet', 'kube-system', 'logrotate')!.status as DaemonSetStatus;

/** step lets the controller act, then the pretend scheduler and kubelets run what it asked for. */
function step(w: World): void {
  w.settle([controller]);
  w.kubelet();
  w.settle([controller]);
}

describe('daemonset controller', () => {
  it('runs one pod per node, pinned by node affinity, with the daemon tolerations and kube\'s labels and events', () => {
    const w = new World().add(node('n1'), node('n2'), daemonSet());
    w.settle([controller]);
    expect(nodesOf(w)).toEqual(['n1', 'n2']);
    const [pod] = pods(w);
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } });
    expect(pod.spec.tolerations).toEqual(DAEMON_TOLERATIONS);
    expect(pod.metadata.labels).toEqual({ app: 'logrotate', 'pod-template-generation': '1', 'controller-revision-hash': expect.stringMatching(/^[bcdfghjklmnpqrstvwxz2456789]+$/) });
    expect(pod.metadata.name).toMatch(/^logrotate-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(w.events().map((e) => [e.reason, e.message, e.source.component])).toEqual(pods(w).map((p) => ['SuccessfulCreate', `Created pod: ${p.metadata.name}`, 'daemonset-controller']));
    expect(listObjects(w.store, 'ControllerRevision', 'kube-system')).toHaveLength(1);
    step(w);
    expect(status(w)).toEqual({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2, observedGeneration: 1 });
    expect(controller.reconcile(w.context())).toEqual([]);
  });

  it('follows a node joining and leaving', () => {
    const w = new World().add(node('n1'), daemonSet());
    step(w);
    w.add(node('n2'));
    step(w);
    expect(nodesOf(w)).toEqual(['n1', 'n2']);
    expect(status(w)).toMatchObject({ desiredNumberScheduled: 2, numberReady: 2 });
    w.removeNode('n1');
    step(w);
    expect(nodesOf(w)).toEqual(['n2']);
    expect(status(w)).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, numberAvailable: 1 });
    expect(status(w).numberUnavailable).toBeUndefined();
  });

  it('skips nodes whose taints it does not tolerate, runs on cordoned ones, and honours its nodeSelector', () => {
    const gpu = node('gpu', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
    const cordoned = node('cordoned', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] });
    const w = new World().add(node('n1', { labels: { 'kubernetes.io/arch': 'amd64' } }), gpu, cordoned, daemonSet());
    step(w);
    expect(nodesOf(w)).toEqual(['cordoned', 'n1']);
    w.edit<DaemonSet>('DaemonSet', 'kube-system', 'logrotate', (ds) => { ds.spec.template.spec.tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }]; });
    for (let i = 0; i < 6; i++) step(w);
    expect(nodesOf(w)).toEqual(['cordoned', 'gpu', 'n1']);
    w.edit<DaemonSet>('DaemonSet', 'kube-system', 'logrotate', (ds) => { ds.spec.template.spec.nodeSelector = { 'kubernetes.io/arch': 'amd64' }; });
    for (let i = 0; i < 6; i++) step(w);
    expect(nodesOf(w)).toEqual(['n1']);
    expect(status(w)).toMatchObject({ desiredNumberScheduled: 1, numberMisscheduled: 0 });
  });

  it('keeps a daemon on a node tainted NoSchedule (misscheduled) but evicts it for NoExecute', () => {
    const w = new World().add(node('n1'), node('n2'), daemonSet());
    step(w);
    const taint = (name: string, effect: 'NoSchedule' | 'NoExecute') => w.write<Node>('Node', undefined, name, (n) => { n.spec.taints = [{ key: 'maintenance', effect }]; });
    taint('n1', 'NoSchedule');
    step(w);
    expect(nodesOf(w)).toEqual(['n1', 'n2']);
    expect(status(w)).toMatchObject({ desiredNumberScheduled: 1, numberMisscheduled: 1 });
    taint('n2', 'NoExecute');
    w.settle([controller]);
    expect(nodesOf(w)).toEqual(['n1']);
    expect(w.events().at(-1)).toMatchObject({ reason: 'SuccessfulDelete', message: expect.stringMatching(/^Deleted pod: logrotate-/) });
  });

  it('rolls a new template out one node at a time (maxUnavailable 1)', () => {
    const w = new World().add(node('n1'), node('n2'), node('n3'), daemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } }));
    step(w);
    w.edit<DaemonSet>('DaemonSet', 'kube-system', 'logrotate', (ds) => { ds.spec.template.spec.containers[0].image = 'logrotate:v2'; });
    for (let i = 0; i < 8; i++) {
      w.settle([controller], () => expect(pods(w).filter((p: Pod) => p.status?.phase === 'Running').length).toBeGreaterThanOrEqual(2));
      w.kubelet();
    }
    w.settle([controller]);
    expect(pods(w).map((p) => p.spec.containers[0].image)).toEqual(['logrotate:v2', 'logrotate:v2', 'logrotate:v2']);
    expect(status(w)).toMatchObject({ desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
    expect(listObjects(w.store, 'ControllerRevision', 'kube-system')).toHaveLength(2);
  });

  it('surges a new pod beside the old one when maxSurge allows, deleting the old once the new is available', () => {
    const w = new World().add(node('n1'), daemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } }));
    step(w);
    w.edit<DaemonSet>('DaemonSet', 'kube-system', 'logrotate', (ds) => { ds.spec.template.spec.containers[0].image = 'logrotate:v2'; });
    w.settle([controller]);
    expect(pods(w).map((p) => p.spec.containers[0].image).sort()).toEqual(['logrotate:v1', 'logrotate:v2']);
    step(w);
    step(w);
    expect(pods(w).map((p) => p.spec.containers[0].image)).toEqual(['logrotate:v2']);
  });
});
