import type { KubeObject } from '../../../emulator/kube/index.js';

/** EventSource is who reported an event. */
export interface EventSource {
  readonly component: string;
  readonly host?: string;
}

/** EventNote is what a component says about an object. */
export interface EventNote {
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly fieldPath?: string;
}

/** KubeEventObject is a core/v1 Event. */
export interface KubeEventObject extends KubeObject {
  involvedObject: { apiVersion?: string; kind: string; namespace?: string; name: string; uid?: string; resourceVersion?: string; fieldPath?: string };
  reason: string;
  message: string;
  type: string;
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  source: EventSource;
  reportingComponent: string;
  reportingInstance: string;
}
