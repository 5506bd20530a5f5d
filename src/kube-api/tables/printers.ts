/** The printer registry: which table each kind gets (kinds without one get NAME and AGE). */
import { CONFIGMAP_PRINTER, ENDPOINTS_PRINTER, NAMESPACE_PRINTER, NODE_PRINTER, SECRET_PRINTER, SERVICE_PRINTER } from './core-printers.js';
import { timestampSince } from './human-duration.js';
import { EVENT_PRINTER, INGRESS_PRINTER, LEASE_PRINTER, PV_PRINTER, PVC_PRINTER, STORAGECLASS_PRINTER } from './other-printers.js';
import { POD_PRINTER } from './pod-printer.js';
import { AGE_COLUMN, NAME_COLUMN, type Printer } from './table.js';
import { DAEMONSET_PRINTER, DEPLOYMENT_PRINTER, REPLICASET_PRINTER, REPLICATIONCONTROLLER_PRINTER, STATEFULSET_PRINTER } from './workload-printers.js';

/** DEFAULT_PRINTER is NAME AGE, for kinds kubectl has no columns for. */
export const DEFAULT_PRINTER: Printer<{ metadata: { name?: string; creationTimestamp?: string } }> = {
  columns: [NAME_COLUMN, AGE_COLUMN],
  cells: (o, now) => [o.metadata.name ?? '', timestampSince(o.metadata.creationTimestamp, now)],
};

/** PRINTERS maps each kind to its table. */
export const PRINTERS: Readonly<Record<string, Printer>> = {
  Pod: POD_PRINTER,
  Node: NODE_PRINTER,
  Service: SERVICE_PRINTER,
  Endpoints: ENDPOINTS_PRINTER,
  Namespace: NAMESPACE_PRINTER,
  ConfigMap: CONFIGMAP_PRINTER,
  Secret: SECRET_PRINTER,
  Event: EVENT_PRINTER,
  Lease: LEASE_PRINTER,
  Ingress: INGRESS_PRINTER,
  PersistentVolumeClaim: PVC_PRINTER,
  PersistentVolume: PV_PRINTER,
  StorageClass: STORAGECLASS_PRINTER,
  Deployment: DEPLOYMENT_PRINTER,
  ReplicaSet: REPLICASET_PRINTER,
  ReplicationController: REPLICATIONCONTROLLER_PRINTER,
  StatefulSet: STATEFULSET_PRINTER,
  DaemonSet: DAEMONSET_PRINTER,
};

/** printerFor returns a kind's printer, or NAME/AGE. */
export function printerFor(kind: string): Printer {
  return PRINTERS[kind] ?? DEFAULT_PRINTER;
}
