import type { KubeObject } from '../../kube/index.js';
import type { ControllerAction } from '../controller.js';
import { clone } from './json.js';

/** eventAbout is an event action about an object, reported by a controller component. */
export function eventAbout(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string): ControllerAction {
  const { namespace, name = '' } = object.metadata;
  return { type: 'event', involved: { kind: object.kind, ...(namespace ? { namespace } : {}), name }, note: { type, reason, message }, source: { component } };
}

/** deleteAction asks for an object's deletion. */
export function deleteAction(object: KubeObject, propagationPolicy?: 'Foreground'): ControllerAction {
  const { namespace, name = '' } = object.metadata;
  return { type: 'delete', kind: object.kind, ...(namespace ? { namespace } : {}), name, ...(propagationPolicy ? { propagationPolicy } : {}) };
}

/** statusAction replaces an object's status (a copy, so the action shares nothing with the store). */
export function statusAction(object: KubeObject, status: unknown): ControllerAction {
  const { namespace, name = '' } = object.metadata;
  return { type: 'status', kind: object.kind, ...(namespace ? { namespace } : {}), name, status: clone(status) };
}
