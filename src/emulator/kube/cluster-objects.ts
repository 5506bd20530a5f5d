import type { ObjectMeta, ObjectReference } from './meta.js';

/** Namespace, Event and Lease as Kubernetes defines them. */

/** Namespace partitions names; `kubernetes.io/metadata.name` is set to its name. */
export interface Namespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
  spec?: { finalizers?: string[] };
  status?: { phase?: 'Active' | 'Terminating' };
}

/** EventSource names the component that reported an event (`kubelet` on a node, `default-scheduler`). */
export interface EventSource {
  component?: string;
  host?: string;
}

/** Event is core/v1 Event, what the console's "service events" tool lists. */
export interface Event {
  apiVersion: 'v1';
  kind: 'Event';
  metadata: ObjectMeta;
  involvedObject: ObjectReference;
  type?: 'Normal' | 'Warning';
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: EventSource;
  reportingComponent?: string;
  reportingInstance?: string;
}

/** LeaseSpec is a holder's claim with its renewal time (node heartbeats, leader election). */
export interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

/** Lease is coordination.k8s.io/v1 Lease. */
export interface Lease {
  apiVersion: 'coordination.k8s.io/v1';
  kind: 'Lease';
  metadata: ObjectMeta;
  spec: LeaseSpec;
}

/** LABEL_METADATA_NAME is the label every namespace carries with its own name. */
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';
