/** DefaultBinder: binds the pod by posting a core/v1 Binding (plugins/defaultbinder). */
import { Status, type BindPlugin, type BindResult, type Binding, type CycleState } from '../../framework.js';
import type { PodInfo } from '../../pod-info.js';

/** DEFAULT_BINDER is the plugin's registry name. */
export const DEFAULT_BINDER = 'DefaultBinder';

/** bindingFor is the Binding kube-scheduler posts: the pod's namespace, name and uid, targeting the node. */
export function bindingFor(pod: PodInfo, nodeName: string): Binding {
  const uid = pod.pod.metadata.uid;
  return {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { namespace: pod.namespace, name: pod.name, ...(uid ? { uid } : {}) },
    target: { kind: 'Node', name: nodeName },
  };
}

/** DefaultBinderPlugin always binds; the caller records the Binding it returns. */
export class DefaultBinderPlugin implements BindPlugin {
  readonly name = DEFAULT_BINDER;

  /** bind returns Success and the Binding for the chosen node. */
  bind(_state: CycleState, pod: PodInfo, nodeName: string): BindResult {
    return { status: Status.success, binding: bindingFor(pod, nodeName) };
  }
}
