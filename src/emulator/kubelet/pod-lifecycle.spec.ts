import { SeededRandom } from '../clock/seeded-random.js';
import type { Pod } from '../kube/pod.js';
import { fullImage, nextStatus, stageDelayMs, stageEvents } from './pod-lifecycle.js';
import { podFacts } from './pod-facts.js';
import { matchingStage, podStages } from './pod-stages.js';

const at = '2017-06-01T00:00:00.000Z';
const nginx = (extra: Partial<Pod['spec']> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx', namespace: 'default', uid: 'u-1' },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }], nodeName: '172.0.0.2', terminationGracePeriodSeconds: 30, ...extra },
  status: { phase: 'Pending' },
});

/** walk applies matching stages until none matches, returning the stage names in order. */
function walk(pod: Pod): { names: string[]; pod: Pod } {
  const names: string[] = [];
  for (let stage = matchingStage(podFacts(pod)); stage && !stage.next.remove; stage = matchingStage(podFacts(pod))) {
    names.push(stage.name);
    pod = { ...pod, status: nextStatus(pod, stage, { at, hostIp: '172.0.0.2', podIp: '10.0.0.2' }) };
  }
  return { names, pod };
}

describe('pod lifecycle stages', () => {
  it('takes a bound pod through ContainerCreating to Running and Ready', () => {
    const { names, pod } = walk(nginx());
    expect(names).toEqual(['pod-create', 'pod-start-without-probe']);
    expect(pod.status).toMatchObject({ phase: 'Running', hostIP: '172.0.0.2', podIP: '10.0.0.2' });
    expect(pod.status!.containerStatuses![0]).toMatchObject({
      name: 'nginx',
      ready: true,
      restartCount: 0,
      state: { running: { startedAt: at } },
      image: 'docker.io/library/nginx:latest',
      imageID: expect.stringMatching(/^docker.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
      containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
    });
    expect(pod.status!.conditions!.map((c) => [c.type, c.status])).toEqual([
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
    ]);
  });

  it('writes the first status of a scheduled pod with its fields in the order the API shows them', () => {
    const scheduled = nginx();
    scheduled.status = { phase: 'Pending', qosClass: 'BestEffort', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at }] };
    const create = podStages.find((s) => s.name === 'pod-create')!;
    const status = nextStatus(scheduled, create, { at, hostIp: '172.0.0.2', podIp: '10.0.0.2' });
    expect(Object.keys(status)).toEqual(['phase', 'qosClass', 'conditions', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'containerStatuses']);
    expect(status).toMatchObject({ phase: 'Pending', hostIP: '172.0.0.2', hostIPs: [{ ip: '172.0.0.2' }], podIP: '10.0.0.2', podIPs: [{ ip: '10.0.0.2' }], startTime: at });
    expect(status.containerStatuses).toMatchObject([{ name: 'nginx', state: { waiting: { reason: 'ContainerCreating' } }, ready: false }]);
    expect(status.conditions!.map((c) => c.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    // A status with other fields takes the general path, and gets the same fields after its own.
    const other = nextStatus({ ...scheduled, status: { ...scheduled.status, nominatedNodeName: 'x' } }, create, { at, hostIp: '172.0.0.2', podIp: '10.0.0.2' });
    expect(Object.keys(other)).toEqual(['phase', 'qosClass', 'conditions', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'containerStatuses']);
  });

  it('waits for the readiness probe\'s initial delay before Ready', () => {
    const probed = nginx({ containers: [{ name: 'nginx', image: 'nginx', readinessProbe: { initialDelaySeconds: 5 } }] });
    const running = walk(probed);
    expect(running.names).toEqual(['pod-create', 'pod-start', 'pod-ready']);
    const stage = podStages.find((s) => s.name === 'pod-ready')!;
    expect(stageDelayMs(stage, probed, new SeededRandom(1))).toBe(5_000);
  });

  it('does not start an unbound pod, and stops a deleted one within its grace period', () => {
    expect(matchingStage(podFacts(nginx({ nodeName: undefined })))).toBeUndefined();
    const deleting: Pod = { ...nginx(), metadata: { ...nginx().metadata, deletionTimestamp: at, deletionGracePeriodSeconds: 30 } };
    const stop = matchingStage(podFacts(deleting))!;
    expect(stop.name).toBe('pod-stop');
    expect(stageDelayMs(stop, deleting, new SeededRandom(1))).toBe(1_000);
    const immediate = { ...deleting, metadata: { ...deleting.metadata, deletionGracePeriodSeconds: 0 } };
    expect(stageDelayMs(stop, immediate, new SeededRandom(1))).toBe(0);
  });

  it('draws the image-pull jitter from the seeded generator', () => {
    const start = podStages.find((s) => s.name === 'pod-start-without-probe')!;
    const delays = [1, 2, 3].map((seed) => stageDelayMs(start, nginx(), new SeededRandom(seed)));
    expect(delays.every((d) => d >= 1_000 && d <= 3_000)).toBe(true);
    expect(stageDelayMs(start, nginx(), new SeededRandom(1))).toBe(delays[0]);
  });

  it('words the kubelet events as Kubernetes does', () => {
    expect(stageEvents(nginx(), podStages[1].next.events!, 1234)).toEqual([
      { type: 'Normal', reason: 'Pulled', message: 'Successfully pulled image "nginx" in 1.234s (1.234s including waiting)', fieldPath: 'spec.containers{nginx}' },
      { type: 'Normal', reason: 'Created', message: 'Created container nginx', fieldPath: 'spec.containers{nginx}' },
      { type: 'Normal', reason: 'Started', message: 'Started container nginx', fieldPath: 'spec.containers{nginx}' },
    ]);
  });

  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['bitnami/redis', 'docker.io/bitnami/redis:latest'],
    ['ccr.ccs.tencentyun.com/demo/app:v1', 'ccr.ccs.tencentyun.com/demo/app:v1'],
  ])('names %s as %s', (image, full) => {
    expect(fullImage(image)).toBe(full);
  });
});
