import { applyDefaults, qosClass, type KubeObject, type Pod, type PodCondition, type PodTemplateSpec } from '../../kube/index.js';
import { clone, millis } from './json.js';
import { controllerRef } from './owners.js';

/** Pod predicates and pod stamping, as pkg/api/v1/pod and controller_utils.go define them. */

/** isPodTerminal: the pod has Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** isPodActive is controller.IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && pod.metadata.deletionTimestamp === undefined;
}

/** readyCondition is the pod's `Ready` condition. */
export function readyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** isPodReady: the `Ready` condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** isPodAvailable is podutil.IsPodAvailable: ready for longer than minReadySeconds before now. */
export function isPodAvailable(pod: Pod, minReadySeconds: number | undefined, now: string): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = millis(readyCondition(pod)?.lastTransitionTime);
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < millis(now);
}

/** isRunningAndReady is the StatefulSet controller's test: phase Running and Ready. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** podFromTemplate is controller.GetPodFromTemplate: labels, annotations, finalizers and spec of the template, owned by owner. */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, name: string): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: meta.labels ? { ...meta.labels } : undefined,
      annotations: meta.annotations ? { ...meta.annotations } : undefined,
      finalizers: meta.finalizers ? [...meta.finalizers] : undefined,
      ownerReferences: [controllerRef(owner)],
    },
    spec: clone(template.spec),
  };
  for (const key of Object.keys(pod.metadata) as Array<keyof typeof pod.metadata>) if (pod.metadata[key] === undefined) delete pod.metadata[key];
  return pod;
}

/** admitPod is what the API server does to a new pod: pod defaults, then status Pending with its QoS class. */
export function admitPod(pod: Pod): Pod {
  applyDefaults(pod as unknown as Record<string, unknown>);
  pod.status = { phase: 'Pending', qosClass: qosClass(pod) };
  return pod;
}
