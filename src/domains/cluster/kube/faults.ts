import { getObject, putObject, type Node, type Pod } from '../../../emulator/kube/index.js';
import { crashedStatus } from '../../../emulator/kubelet/index.js';
import { DomainError, invalid, notFound } from '../../../platform/kernel/index.js';
import { recordEvent } from './kube-events.js';
import type { KubeCluster, KubeCommand, KubeEvent } from './kube.types.js';

type FaultCommand = Extract<KubeCommand, { type: 'FailNode' | 'RecoverNode' | 'CrashContainer' }>;

/** decideFault checks a fault a user injects: a node that exists, a container that runs. */
export function decideFault(command: FaultCommand, cluster: KubeCluster): KubeEvent[] {
  const { clusterId, at } = command.data;
  if (command.type === 'CrashContainer') return crash(command.data, cluster);
  const { nodeName } = command.data;
  if (!getObject<Node>(cluster, 'Node', undefined, nodeName)) throw notFound('nodes', nodeName, 'nodeName');
  const failed = cluster.nodeFailures[nodeName] !== undefined;
  if (command.type === 'FailNode' && failed) throw new DomainError('FAILED_PRECONDITION', `node ${nodeName} has already failed`, 'nodeName');
  if (command.type === 'RecoverNode' && !failed) throw new DomainError('FAILED_PRECONDITION', `node ${nodeName} has not failed`, 'nodeName');
  return [{ type: command.type === 'FailNode' ? 'NodeFailed' : 'NodeRecovered', data: { clusterId, nodeName, at } }];
}

function crash(data: Extract<FaultCommand, { type: 'CrashContainer' }>['data'], cluster: KubeCluster): KubeEvent[] {
  const { clusterId, at, namespace, name, exitCode } = data;
  const pod = getObject<Pod>(cluster, 'Pod', namespace, name);
  if (!pod) throw notFound('pods', name, 'pod');
  const container = data.container ?? pod.spec.containers[0].name;
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  if (!pod.spec.containers.some((c) => c.name === container)) throw invalid('container', container, `container ${container} is not valid for pod ${name}`);
  if (!status?.state.running) throw new DomainError('FAILED_PRECONDITION', `container ${container} in pod ${name} is not running`, 'container');
  if (!Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) throw invalid('exitCode', exitCode, 'must be between 0 and 255');
  return [{ type: 'ContainerCrashed', data: { clusterId, at, namespace, name, container, exitCode } }];
}

/** applyContainerCrashed records a container's exit; the kubelet backs off and restarts it, unless restartPolicy says not to. */
export function applyContainerCrashed(cluster: KubeCluster, data: Extract<KubeEvent, { type: 'ContainerCrashed' }>['data']): void {
  const pod = getObject<Pod>(cluster, 'Pod', data.namespace, data.name);
  if (!pod) return;
  pod.status = crashedStatus(pod, data.container, data.exitCode, data.at);
  cluster.podSince[`${data.namespace}/${data.name}`] = data.at;
  putObject(cluster, pod);
  const backingOff = pod.status.containerStatuses?.some((s) => s.state.waiting?.reason === 'CrashLoopBackOff');
  if (backingOff) {
    const message = `Back-off restarting failed container ${data.container} in pod ${data.name}_${data.namespace}(${pod.metadata.uid})`;
    recordEvent(cluster, pod, { type: 'Warning', reason: 'BackOff', message, fieldPath: `spec.containers{${data.container}}` }, { component: 'kubelet', host: pod.spec.nodeName }, data.at);
  }
}
